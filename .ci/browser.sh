# Installs Debian's Chromium and its WebDriver for the browser tests of the admin console, which
# are skipped when /usr/bin/chromedriver is missing. Sourced by .ci/run.

install_browser() {
  if [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/chromium ]; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "browser.sh: apt-get not found; the console browser tests will be skipped" >&2
    return 0
  fi

  local sudo_prefix=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! sudo -n true 2>/dev/null; then
      echo "browser.sh: not root and no password-less sudo; install chromium and" \
        "chromium-driver by hand, or the console browser tests will be skipped" >&2
      return 0
    fi
    sudo_prefix="sudo -n"
  fi

  # shellcheck disable=SC2086 # the prefix is empty or two words
  $sudo_prefix apt-get update
  # shellcheck disable=SC2086
  $sudo_prefix env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends chromium chromium-driver
}

install_browser
