-- GameLift game sessions and player sessions.
--
-- Same conventions as V1/V2: one script for H2 2.x and PostgreSQL, ${name_collation} on ordered and joined name
-- columns, TIMESTAMP(6) WITH TIME ZONE in UTC. Sizes from the AWS model: game session ids are ARNs (ArnStringModel
-- 512), NonZeroAndMaxString 1024, LargeGameSessionData 262144, MatchmakerData 390000, PlayerId 1024, PlayerData 2048.
--
-- live_process is "<compute name>/<process id>" while the game session occupies its process (ACTIVATING, ACTIVE,
-- TERMINATING) and null afterwards. The unique constraint on (fleet_id, live_process) makes placement atomic across
-- nodes: two CreateGameSession calls can never both put a game session on one process. (Both databases let any
-- number of rows hold null in a unique column.)
-- Deleting a fleet deletes its game sessions, and with them their player sessions.

CREATE TABLE gamelift_game_sessions (
    game_session_id     VARCHAR(512) ${name_collation} NOT NULL,
    account_id          VARCHAR(12) NOT NULL,
    fleet_id            VARCHAR(128) ${name_collation} NOT NULL,
    location_name       VARCHAR(64) ${name_collation} NOT NULL,
    compute_name        VARCHAR(128) ${name_collation} NOT NULL,
    process_id          VARCHAR(1024) NOT NULL,
    live_process        VARCHAR(1200),
    session_name        VARCHAR(1024),
    creator_id          VARCHAR(1024),
    maximum_players     INTEGER NOT NULL,
    status              VARCHAR(16) NOT NULL,
    status_reason       VARCHAR(32),
    creation_policy     VARCHAR(16) NOT NULL,
    protection_policy   VARCHAR(16) NOT NULL,
    game_properties     VARCHAR(8192),      -- JSON list of {Key, Value}, opaque to the store
    game_session_data   VARCHAR(262144),
    matchmaker_data     VARCHAR(390000),
    ip_address          VARCHAR(128),
    dns_name            VARCHAR(256),
    port                INTEGER NOT NULL,
    idempotency_token   VARCHAR(48),
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    terminated_at       TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT gamelift_game_sessions_pk PRIMARY KEY (game_session_id),
    CONSTRAINT gamelift_game_sessions_process_uq UNIQUE (fleet_id, live_process),
    CONSTRAINT gamelift_game_sessions_fleet_fk FOREIGN KEY (fleet_id)
        REFERENCES gamelift_fleets (fleet_id) ON DELETE CASCADE
);
-- DescribeGameSessions by fleet (and status), paged by id; the activation timeout sweep.
CREATE INDEX gamelift_game_sessions_fleet_ix ON gamelift_game_sessions (fleet_id, status, game_session_id);

CREATE TABLE gamelift_player_sessions (
    player_session_id   VARCHAR(64) ${name_collation} NOT NULL,
    game_session_id     VARCHAR(512) ${name_collation} NOT NULL,
    account_id          VARCHAR(12) NOT NULL,
    fleet_id            VARCHAR(128) ${name_collation} NOT NULL,
    player_id           VARCHAR(1024) NOT NULL,
    player_data         VARCHAR(2048),
    status              VARCHAR(16) NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    terminated_at       TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT gamelift_player_sessions_pk PRIMARY KEY (player_session_id),
    CONSTRAINT gamelift_player_sessions_game_fk FOREIGN KEY (game_session_id)
        REFERENCES gamelift_game_sessions (game_session_id) ON DELETE CASCADE
);
-- Player counts and listings per game session; DescribePlayerSessions by player id; the reservation timeout sweep.
CREATE INDEX gamelift_player_sessions_game_ix ON gamelift_player_sessions (game_session_id, status, player_session_id);
CREATE INDEX gamelift_player_sessions_player_ix ON gamelift_player_sessions (account_id, player_id, player_session_id);
CREATE INDEX gamelift_player_sessions_status_ix ON gamelift_player_sessions (status, created_at);
