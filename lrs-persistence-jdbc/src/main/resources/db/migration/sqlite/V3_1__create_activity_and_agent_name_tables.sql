-- Activities that stored statements mention, for the Activities resource.
-- definition: the JSON object merged from every statement that mentions the activity, '{}' when
-- none of them carried a definition.
CREATE TABLE activity (
    activity_id TEXT NOT NULL PRIMARY KEY,
    definition  TEXT NOT NULL
);

-- Names that stored statements gave to identified Agents and Groups, for the Agents resource.
-- agent: the identifier as type|value.
-- first_stored_millis: the stored time of the first statement with this name, which orders names.
CREATE TABLE agent_name (
    agent               TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    first_stored_millis INTEGER NOT NULL,
    PRIMARY KEY (agent, name)
);
