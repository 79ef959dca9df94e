-- AI's fitted models and stored predictions. Events are Base's: only their ids are kept
-- here, so there is no foreign key to them; AI checks they exist through Base's API.

CREATE SCHEMA IF NOT EXISTS "ai";

CREATE TABLE "ai"."model_fit" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "coefficients" JSONB NOT NULL,
    "training_size" INTEGER NOT NULL,
    "backtest" JSONB NOT NULL,
    "fitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_fit_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "model_fit_version_present" CHECK (btrim("version") <> ''),
    CONSTRAINT "model_fit_fingerprint_present" CHECK (btrim("fingerprint") <> ''),
    CONSTRAINT "model_fit_training_size_positive" CHECK ("training_size" > 0),
    CONSTRAINT "model_fit_coefficients_object" CHECK (jsonb_typeof("coefficients") = 'object'),
    CONSTRAINT "model_fit_backtest_object" CHECK (jsonb_typeof("backtest") = 'object')
);

CREATE UNIQUE INDEX "model_fit_company_id_id_key" ON "ai"."model_fit" ("company_id", "id");
-- One fit per company, model version and state of the history: the cache key.
CREATE UNIQUE INDEX "model_fit_company_id_version_fingerprint_key" ON "ai"."model_fit" ("company_id", "version", "fingerprint");
CREATE INDEX "model_fit_company_id_fitted_at_id_idx" ON "ai"."model_fit" ("company_id", "fitted_at", "id");

CREATE TABLE "ai"."prediction" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "model_fit_id" UUID NOT NULL,
    "model_version" TEXT NOT NULL,
    "features" JSONB NOT NULL,
    "capacity" INTEGER NOT NULL,
    "predicted_tickets" INTEGER NOT NULL,
    "tickets_low" INTEGER NOT NULL,
    "tickets_high" INTEGER NOT NULL,
    "sell_through" DOUBLE PRECISION NOT NULL,
    "sell_through_low" DOUBLE PRECISION NOT NULL,
    "sell_through_high" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID NOT NULL,

    CONSTRAINT "prediction_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "prediction_features_array" CHECK (jsonb_typeof("features") = 'array'),
    -- The interval holds the expectation, and everything stays within the event's capacity.
    CONSTRAINT "prediction_tickets_within_capacity" CHECK (
        "capacity" >= 0 AND 0 <= "tickets_low" AND "tickets_low" <= "predicted_tickets"
        AND "predicted_tickets" <= "tickets_high" AND "tickets_high" <= "capacity"
    ),
    CONSTRAINT "prediction_sell_through_in_range" CHECK (
        0 <= "sell_through_low" AND "sell_through_low" <= "sell_through"
        AND "sell_through" <= "sell_through_high" AND "sell_through_high" <= 1
    )
);

CREATE INDEX "prediction_company_id_event_id_created_at_idx" ON "ai"."prediction" ("company_id", "event_id", "created_at");

-- A prediction belongs to a model of its own company; a model with predictions stays.
ALTER TABLE "ai"."prediction"
    ADD CONSTRAINT "prediction_company_id_model_fit_id_fkey"
    FOREIGN KEY ("company_id", "model_fit_id") REFERENCES "ai"."model_fit" ("company_id", "id")
    ON DELETE RESTRICT ON UPDATE RESTRICT;
