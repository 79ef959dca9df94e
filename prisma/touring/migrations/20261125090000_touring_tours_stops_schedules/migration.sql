-- Touring's tours, their ordered stops and their day schedules. Artists and events are
-- Base's: only their ids are kept here, so there is no foreign key to them; Touring
-- checks they exist through Base's API when an id is given. Stops and schedule items
-- reference their tour together with its company, so no row can hang off another
-- company's tour whoever writes.

CREATE SCHEMA IF NOT EXISTS "touring";

CREATE TYPE "touring"."tour_status" AS ENUM ('PLANNING', 'CONFIRMED', 'ON_THE_ROAD', 'COMPLETED', 'CANCELLED');
CREATE TYPE "touring"."stop_kind" AS ENUM ('SHOW', 'TRAVEL_DAY', 'DAY_OFF');
CREATE TYPE "touring"."schedule_item_kind" AS ENUM ('TRAVEL', 'HOTEL', 'LOAD_IN', 'SOUNDCHECK', 'DOORS', 'SET', 'CURFEW', 'PRESS');

CREATE TABLE "touring"."tour" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "artist_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" "touring"."tour_status" NOT NULL DEFAULT 'PLANNING',
    "daily_drive_limit_km" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID NOT NULL,

    CONSTRAINT "tour_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tour_name_present" CHECK (btrim("name") <> ''),
    CONSTRAINT "tour_daily_drive_limit_positive" CHECK ("daily_drive_limit_km" > 0)
);

CREATE UNIQUE INDEX "tour_company_id_id_key" ON "touring"."tour" ("company_id", "id");
CREATE INDEX "tour_company_id_created_at_id_idx" ON "touring"."tour" ("company_id", "created_at" DESC, "id" DESC);
CREATE INDEX "tour_company_id_artist_id_created_at_id_idx" ON "touring"."tour" ("company_id", "artist_id", "created_at" DESC, "id" DESC);

CREATE TABLE "touring"."tour_stop" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "tour_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "touring"."stop_kind" NOT NULL,
    "event_id" UUID,
    "date_fixed" BOOLEAN NOT NULL,
    "day" DATE,
    "city" TEXT,
    "country" CHAR(2),
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "time_zone" TEXT,
    "notes" TEXT,

    CONSTRAINT "tour_stop_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tour_stop_position_not_negative" CHECK ("position" >= 0),
    -- A show is a Base event, whose day and place Base keeps; the other kinds carry their own.
    CONSTRAINT "tour_stop_show_is_an_event" CHECK (
        ("kind" = 'SHOW') = ("event_id" IS NOT NULL)
        AND ("kind" <> 'SHOW' OR ("day" IS NULL AND "city" IS NULL))
    ),
    -- A travel day or day off has a day exactly when its date is fixed.
    CONSTRAINT "tour_stop_day_when_fixed" CHECK ("kind" = 'SHOW' OR "date_fixed" = ("day" IS NOT NULL)),
    -- A place is a whole place: a named city with its coordinates and time zone, or none.
    CONSTRAINT "tour_stop_place_complete" CHECK (
        ("city" IS NULL AND "country" IS NULL AND "latitude" IS NULL AND "longitude" IS NULL AND "time_zone" IS NULL)
        OR ("city" IS NOT NULL AND btrim("city") <> '' AND "country" ~ '^[A-Z]{2}$'
            AND "latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180 AND "time_zone" IS NOT NULL)
    ),
    -- Positions are unique per tour; checked at the end of each statement, so that one
    -- statement can renumber a whole tour.
    CONSTRAINT "tour_stop_tour_id_position_key" UNIQUE ("tour_id", "position") DEFERRABLE INITIALLY IMMEDIATE,
    CONSTRAINT "tour_stop_tour_fkey" FOREIGN KEY ("company_id", "tour_id") REFERENCES "touring"."tour" ("company_id", "id")
        ON DELETE CASCADE ON UPDATE RESTRICT
);

-- A show is routed once: an event belongs to at most one stop of the company's tours.
CREATE UNIQUE INDEX "tour_stop_company_id_event_id_key" ON "touring"."tour_stop" ("company_id", "event_id");
CREATE INDEX "tour_stop_company_id_tour_id_idx" ON "touring"."tour_stop" ("company_id", "tour_id");

CREATE TABLE "touring"."schedule_item" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "tour_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "kind" "touring"."schedule_item_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "start_time_zone" TEXT NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "end_time_zone" TEXT,
    "origin" TEXT,
    "destination" TEXT,
    "performer_artist_id" UUID,
    "location" TEXT,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID NOT NULL,

    CONSTRAINT "schedule_item_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "schedule_item_title_present" CHECK (btrim("title") <> ''),
    CONSTRAINT "schedule_item_ends_after_start" CHECK ("ends_at" IS NULL OR "ends_at" >= "starts_at"),
    CONSTRAINT "schedule_item_end_zone_with_end" CHECK (("ends_at" IS NULL) = ("end_time_zone" IS NULL)),
    -- Travel goes from somewhere to somewhere and arrives; a hotel stay has a check-out.
    CONSTRAINT "schedule_item_travel_complete" CHECK (
        ("kind" = 'TRAVEL') = ("origin" IS NOT NULL AND "destination" IS NOT NULL)
        AND ("kind" <> 'TRAVEL' OR "ends_at" IS NOT NULL)
    ),
    CONSTRAINT "schedule_item_hotel_checks_out" CHECK ("kind" <> 'HOTEL' OR "ends_at" IS NOT NULL),
    CONSTRAINT "schedule_item_performer_plays_a_set" CHECK ("performer_artist_id" IS NULL OR "kind" = 'SET'),
    CONSTRAINT "schedule_item_tour_fkey" FOREIGN KEY ("company_id", "tour_id") REFERENCES "touring"."tour" ("company_id", "id")
        ON DELETE CASCADE ON UPDATE RESTRICT
);

CREATE INDEX "schedule_item_company_id_tour_id_day_starts_at_idx" ON "touring"."schedule_item" ("company_id", "tour_id", "day", "starts_at");
