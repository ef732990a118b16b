-- A fleet's RuntimeConfiguration (CreateFleet, UpdateRuntimeConfiguration): the server processes the Amazon GameLift
-- Agent launches on each compute. JSON with GameLift's member names, opaque to the store; null when none was given.
ALTER TABLE gamelift_fleets ADD COLUMN runtime_configuration_json VARCHAR(65536);
