package org.lrs4j.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes realistic xAPI statements of about 1.5 KB, the same ones for the same seed.
 *
 * <p>Learners, courses, lessons, verbs and registrations are drawn from pools with a Zipf-like
 * skew, as in a real LRS where a few courses and active learners produce most of the traffic. Each
 * statement has an activity object with a definition, a result with a score and extensions, and a
 * context with a registration, an instructor, parent, grouping and category activities and
 * extensions. Not thread safe: give each thread its own generator.
 */
final class StatementGenerator {

  static final int LEARNERS = 20_000;
  static final int COURSES = 200;
  static final int LESSONS_PER_COURSE = 24;
  static final int INSTRUCTORS = 150;
  static final int REGISTRATIONS = 60_000;

  private static final String[][] VERBS = {
    {"http://adlnet.gov/expapi/verbs/experienced", "experienced"},
    {"http://adlnet.gov/expapi/verbs/attempted", "attempted"},
    {"http://adlnet.gov/expapi/verbs/completed", "completed"},
    {"http://adlnet.gov/expapi/verbs/answered", "answered"},
    {"http://adlnet.gov/expapi/verbs/passed", "passed"},
    {"http://adlnet.gov/expapi/verbs/progressed", "progressed"},
    {"http://adlnet.gov/expapi/verbs/failed", "failed"},
    {"https://w3id.org/xapi/adl/verbs/satisfied", "satisfied"},
    {"http://adlnet.gov/expapi/verbs/launched", "launched"},
    {"http://adlnet.gov/expapi/verbs/initialized", "initialized"},
    {"http://adlnet.gov/expapi/verbs/terminated", "terminated"},
    {"https://w3id.org/xapi/adl/verbs/abandoned", "abandoned"},
    {"https://w3id.org/xapi/video/verbs/played", "played"},
    {"https://w3id.org/xapi/video/verbs/paused", "paused"},
    {"https://w3id.org/xapi/video/verbs/seeked", "seeked"},
    {"http://adlnet.gov/expapi/verbs/commented", "commented"},
  };

  private static final String[] WORDS = {
    "safety",
    "onboarding",
    "privacy",
    "leadership",
    "negotiation",
    "compliance",
    "finance",
    "customer",
    "quality",
    "design",
    "security",
    "coaching",
    "ethics",
    "logistics",
    "sales",
    "research",
    "writing",
    "statistics",
    "networks",
    "chemistry",
    "first",
    "aid",
    "forklift",
    "hygiene"
  };

  private static final Instant EPOCH = Instant.parse("2026-01-05T08:00:00Z");

  private final ObjectMapper mapper;
  private final SplittableRandom random;
  private final long seed;
  private final Zipf learners = new Zipf(LEARNERS, 0.9);
  private final Zipf courses = new Zipf(COURSES, 1.1);
  private final Zipf verbs = new Zipf(VERBS.length, 1.2);
  private final Zipf instructors = new Zipf(INSTRUCTORS, 1.0);
  private final Zipf registrations = new Zipf(REGISTRATIONS, 0.8);
  private long count;

  StatementGenerator(ObjectMapper mapper, long seed) {
    this.mapper = mapper;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /** Returns the next statement, with an id, as the client sends it. */
  ObjectNode next() {
    count++;
    int learner = learners.sample(random);
    int course = courses.sample(random);
    int lesson = random.nextInt(LESSONS_PER_COURSE);
    String[] verb = VERBS[verbs.sample(random)];

    ObjectNode statement = mapper.createObjectNode();
    statement.put("id", new UUID(seed ^ 0x5EED_0000_0000_0000L, count).toString());
    statement.set("actor", learner(learner));
    ObjectNode verbNode = statement.putObject("verb").put("id", verb[0]);
    verbNode.putObject("display").put("en-US", verb[1]);
    statement.set("object", lessonActivity(course, lesson));
    statement.set("result", result());
    statement.set("context", context(course, lesson));
    statement.put("timestamp", EPOCH.plus(count * 7919, ChronoUnit.MILLIS).toString());
    return statement;
  }

  /** Returns the agent filter value of a learner, as a client sends it in a query. */
  static String learnerFilter(int learner) {
    if (learner % 3 == 0) {
      return "{\"account\":{\"homePage\":\"https://sso.example.com\",\"name\":\"u-"
          + String.format(Locale.ROOT, "%06d", learner)
          + "\"}}";
    }
    return "{\"mbox\":\"mailto:" + learnerMailbox(learner) + "\"}";
  }

  /** Returns the agent filter value of an instructor. */
  static String instructorFilter(int instructor) {
    return "{\"mbox\":\"mailto:instructor" + instructor + "@academy.example.com\"}";
  }

  /** Returns the id of a lesson activity. */
  static String lessonId(int course, int lesson) {
    return courseId(course) + "/modules/" + (lesson / 6 + 1) + "/lessons/" + (lesson % 6 + 1);
  }

  /** Returns the id of a course activity, the grouping of its lessons. */
  static String courseId(int course) {
    return "https://lms.example.com/xapi/activities/courses/c" + course;
  }

  /** Returns the id of a verb in the pool. */
  static String verbId(int verb) {
    return VERBS[verb][0];
  }

  /** Returns registration number {@code n} of the pool. */
  static UUID registration(int n) {
    return new UUID(0x4E61_7265_6769_7374L, n);
  }

  /** Returns the number of verbs in the pool. */
  static int verbCount() {
    return VERBS.length;
  }

  /** Returns a skewed draw from the learner pool, as the statements are drawn. */
  int sampleLearner() {
    return learners.sample(random);
  }

  /** Returns a skewed draw from the course pool. */
  int sampleCourse() {
    return courses.sample(random);
  }

  /** Returns a skewed draw from the verb pool. */
  int sampleVerb() {
    return verbs.sample(random);
  }

  /** Returns a skewed draw from the registration pool. */
  int sampleRegistration() {
    return registrations.sample(random);
  }

  /** Returns a skewed draw from the instructor pool. */
  int sampleInstructor() {
    return instructors.sample(random);
  }

  /** Returns a uniform draw below {@code bound}. */
  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private static String learnerMailbox(int learner) {
    return "learner" + learner + "@students.example.com";
  }

  private ObjectNode learner(int learner) {
    ObjectNode agent = mapper.createObjectNode().put("objectType", "Agent");
    agent.put("name", "Learner " + learner);
    if (learner % 3 == 0) {
      ObjectNode account = agent.putObject("account");
      account.put("homePage", "https://sso.example.com");
      account.put("name", String.format(Locale.ROOT, "u-%06d", learner));
    } else {
      agent.put("mbox", "mailto:" + learnerMailbox(learner));
    }
    return agent;
  }

  private ObjectNode lessonActivity(int course, int lesson) {
    ObjectNode activity = mapper.createObjectNode().put("objectType", "Activity");
    activity.put("id", lessonId(course, lesson));
    ObjectNode definition = activity.putObject("definition");
    String topic = WORDS[course % WORDS.length] + " " + WORDS[(course + lesson) % WORDS.length];
    definition.putObject("name").put("en-US", "Lesson " + (lesson + 1) + ": " + topic);
    definition
        .putObject("description")
        .put("en-US", "A short lesson on " + topic + " with a video and a graded quiz.");
    definition.put("type", "http://adlnet.gov/expapi/activities/lesson");
    definition
        .putObject("extensions")
        .put("https://lms.example.com/xapi/extensions/estimated-minutes", 10 + lesson % 20);
    return activity;
  }

  private ObjectNode result() {
    ObjectNode result = mapper.createObjectNode();
    int raw = random.nextInt(101);
    ObjectNode score = result.putObject("score");
    score.put("scaled", raw / 100.0).put("raw", raw).put("min", 0).put("max", 100);
    result.put("success", raw >= 60).put("completion", random.nextInt(4) != 0);
    result.put("duration", "PT" + (1 + random.nextInt(59)) + "M" + random.nextInt(60) + "S");
    result.put("response", "choice-" + (char) ('a' + random.nextInt(4)));
    ObjectNode extensions = result.putObject("extensions");
    extensions.put("https://lms.example.com/xapi/extensions/attempt", 1 + random.nextInt(5));
    extensions.put("https://lms.example.com/xapi/extensions/progress", random.nextInt(101));
    return result;
  }

  private ObjectNode context(int course, int lesson) {
    ObjectNode context = mapper.createObjectNode();
    context.put("registration", registration(registrations.sample(random)).toString());
    int instructor = instructors.sample(random);
    ObjectNode teacher = context.putObject("instructor").put("objectType", "Agent");
    teacher.put("name", "Instructor " + instructor);
    teacher.put("mbox", "mailto:instructor" + instructor + "@academy.example.com");

    ObjectNode activities = context.putObject("contextActivities");
    activities.putArray("parent").addObject().put("id", moduleId(course, lesson));
    activities.putArray("grouping").addObject().put("id", courseId(course));
    ArrayNode category = activities.putArray("category");
    category.addObject().put("id", "https://w3id.org/xapi/cmi5/context/categories/moveon");
    context.put("platform", "Example LMS 4.2");
    context.put("language", "en-US");
    context.put("revision", "r" + (course % 7));

    ObjectNode extensions = context.putObject("extensions");
    extensions.put(
        "https://w3id.org/xapi/cmi5/context/extensions/sessionid",
        new UUID(seed, random.nextLong()).toString());
    return context;
  }

  private static String moduleId(int course, int lesson) {
    return courseId(course) + "/modules/" + (lesson / 6 + 1);
  }

  /** Draws 0 to n-1, value k with weight 1/(k+1)^s. */
  private static final class Zipf {
    private final double[] cumulative;

    Zipf(int n, double exponent) {
      cumulative = new double[n];
      double sum = 0;
      for (int k = 0; k < n; k++) {
        sum += 1 / Math.pow(k + 1, exponent);
        cumulative[k] = sum;
      }
      for (int k = 0; k < n; k++) {
        cumulative[k] /= sum;
      }
    }

    int sample(SplittableRandom random) {
      double u = random.nextDouble();
      int low = 0;
      int high = cumulative.length - 1;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (cumulative[mid] < u) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
  }
}
