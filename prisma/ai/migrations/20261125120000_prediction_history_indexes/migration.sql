-- Stored predictions are read back newest first, ties broken by id: per event (an event's
-- prediction history, and the list filtered by event) and across the company (the list
-- unfiltered). Each read walks one of these indexes in order. The per-event index
-- supersedes the one it replaces, whose columns it begins with.

DROP INDEX "ai"."prediction_company_id_event_id_created_at_idx";

CREATE INDEX "prediction_company_id_event_id_created_at_id_idx" ON "ai"."prediction" ("company_id", "event_id", "created_at" DESC, "id" DESC);
CREATE INDEX "prediction_company_id_created_at_id_idx" ON "ai"."prediction" ("company_id", "created_at" DESC, "id" DESC);
