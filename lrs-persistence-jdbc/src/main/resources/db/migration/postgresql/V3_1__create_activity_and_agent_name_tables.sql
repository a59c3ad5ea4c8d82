-- Activities that stored statements mention, for the Activities resource.
-- definition: the JSON object merged from every statement that mentions the activity, '{}' when
-- none of them carried a definition.
CREATE TABLE activity (
    activity_id text NOT NULL PRIMARY KEY,
    definition  text NOT NULL
);

-- Names that stored statements gave to identified Agents and Groups, for the Agents resource.
-- agent: the identifier as type|value.
-- first_stored_millis: the stored time of the first statement with this name, which orders names.
CREATE TABLE agent_name (
    agent               text   NOT NULL,
    name                text   NOT NULL,
    first_stored_millis bigint NOT NULL,
    PRIMARY KEY (agent, name)
);
