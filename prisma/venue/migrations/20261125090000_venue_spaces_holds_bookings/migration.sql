-- Venue's spaces, layouts, holds and bookings. Events are Base's: only their ids are kept
-- here, so there is no foreign key to them; Venue checks them through Base's API.
--
-- Two exclusion constraints carry the rules that must hold under any concurrency:
-- no two active holds that claim one physical space at overlapping times share a rank,
-- and no two confirmed bookings occupy one physical space at overlapping times. A
-- combination space's hold or booking claims each of its parts (one block row per part),
-- so the rule covers a combination and its parts too. The ranges include each space's
-- turnaround. The blocks' rank and status follow their hold or booking through foreign
-- keys with ON UPDATE CASCADE, so the database keeps them in step.

CREATE SCHEMA IF NOT EXISTS "venue";
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

CREATE TYPE "venue"."confirmation_policy" AS ENUM ('RELEASE_OVERLAPPING', 'DEMOTE_OVERLAPPING');
CREATE TYPE "venue"."layout_kind" AS ENUM ('SEATED', 'STANDING', 'MIXED');
CREATE TYPE "venue"."hold_status" AS ENUM ('ACTIVE', 'RELEASED', 'CONFIRMED');
CREATE TYPE "venue"."booking_status" AS ENUM ('CONFIRMED', 'CANCELLED');

CREATE TABLE "venue"."venue" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "time_zone" TEXT NOT NULL,
    "on_confirm" "venue"."confirmation_policy" NOT NULL DEFAULT 'RELEASE_OVERLAPPING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID NOT NULL,

    CONSTRAINT "venue_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "venue_name_present" CHECK (btrim("name") <> ''),
    CONSTRAINT "venue_address_present" CHECK (btrim("address") <> ''),
    CONSTRAINT "venue_city_present" CHECK (btrim("city") <> ''),
    CONSTRAINT "venue_country_code" CHECK ("country" ~ '^[A-Z]{2}$'),
    CONSTRAINT "venue_time_zone_present" CHECK (btrim("time_zone") <> '')
);

CREATE UNIQUE INDEX "venue_company_id_id_key" ON "venue"."venue" ("company_id", "id");
CREATE INDEX "venue_company_id_name_id_idx" ON "venue"."venue" ("company_id", "name", "id");

CREATE TABLE "venue"."space" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "venue_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "turnaround_minutes" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "space_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "space_name_present" CHECK (btrim("name") <> ''),
    CONSTRAINT "space_turnaround_range" CHECK ("turnaround_minutes" BETWEEN 0 AND 1440)
);

CREATE UNIQUE INDEX "space_company_id_id_key" ON "venue"."space" ("company_id", "id");
CREATE UNIQUE INDEX "space_company_id_venue_id_id_key" ON "venue"."space" ("company_id", "venue_id", "id");
CREATE UNIQUE INDEX "space_company_id_venue_id_name_key" ON "venue"."space" ("company_id", "venue_id", "name");
ALTER TABLE "venue"."space" ADD CONSTRAINT "space_company_id_venue_id_fkey"
    FOREIGN KEY ("company_id", "venue_id") REFERENCES "venue"."venue" ("company_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Both ends in one venue and one company: the composite keys say so.
CREATE TABLE "venue"."space_part" (
    "company_id" UUID NOT NULL,
    "venue_id" UUID NOT NULL,
    "combination_id" UUID NOT NULL,
    "part_id" UUID NOT NULL,

    CONSTRAINT "space_part_pkey" PRIMARY KEY ("combination_id", "part_id"),
    CONSTRAINT "space_part_not_itself" CHECK ("combination_id" <> "part_id")
);

CREATE INDEX "space_part_company_id_part_id_idx" ON "venue"."space_part" ("company_id", "part_id");
ALTER TABLE "venue"."space_part" ADD CONSTRAINT "space_part_company_id_venue_id_combination_id_fkey"
    FOREIGN KEY ("company_id", "venue_id", "combination_id") REFERENCES "venue"."space" ("company_id", "venue_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "venue"."space_part" ADD CONSTRAINT "space_part_company_id_venue_id_part_id_fkey"
    FOREIGN KEY ("company_id", "venue_id", "part_id") REFERENCES "venue"."space" ("company_id", "venue_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "venue"."layout" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "space_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "venue"."layout_kind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "layout_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "layout_name_present" CHECK (btrim("name") <> '')
);

CREATE UNIQUE INDEX "layout_company_id_id_key" ON "venue"."layout" ("company_id", "id");
CREATE UNIQUE INDEX "layout_company_id_space_id_id_key" ON "venue"."layout" ("company_id", "space_id", "id");
CREATE UNIQUE INDEX "layout_company_id_space_id_name_key" ON "venue"."layout" ("company_id", "space_id", "name");
ALTER TABLE "venue"."layout" ADD CONSTRAINT "layout_company_id_space_id_fkey"
    FOREIGN KEY ("company_id", "space_id") REFERENCES "venue"."space" ("company_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "venue"."layout_section" (
    "company_id" UUID NOT NULL,
    "layout_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,

    CONSTRAINT "layout_section_pkey" PRIMARY KEY ("layout_id", "position"),
    CONSTRAINT "layout_section_name_present" CHECK (btrim("name") <> ''),
    CONSTRAINT "layout_section_capacity_positive" CHECK ("capacity" > 0),
    CONSTRAINT "layout_section_position_not_negative" CHECK ("position" >= 0)
);

CREATE INDEX "layout_section_company_id_layout_id_idx" ON "venue"."layout_section" ("company_id", "layout_id");
ALTER TABLE "venue"."layout_section" ADD CONSTRAINT "layout_section_company_id_layout_id_fkey"
    FOREIGN KEY ("company_id", "layout_id") REFERENCES "venue"."layout" ("company_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "venue"."hold" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "venue_id" UUID NOT NULL,
    "space_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "rank" INTEGER NOT NULL,
    "status" "venue"."hold_status" NOT NULL DEFAULT 'ACTIVE',
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by" UUID,

    CONSTRAINT "hold_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "hold_range_forward" CHECK ("ends_at" > "starts_at"),
    CONSTRAINT "hold_rank_positive" CHECK ("rank" >= 1),
    CONSTRAINT "hold_note_present" CHECK ("note" IS NULL OR btrim("note") <> ''),
    -- Only a released or confirmed hold says when and by whom it was closed, and then both.
    CONSTRAINT "hold_closed_when_not_active" CHECK (
        ("status" = 'ACTIVE') = ("closed_at" IS NULL) AND ("closed_at" IS NULL) = ("closed_by" IS NULL)
    )
);

CREATE UNIQUE INDEX "hold_company_id_id_key" ON "venue"."hold" ("company_id", "id");
CREATE UNIQUE INDEX "hold_company_id_id_rank_status_key" ON "venue"."hold" ("company_id", "id", "rank", "status");
CREATE INDEX "hold_company_id_venue_id_status_idx" ON "venue"."hold" ("company_id", "venue_id", "status");
CREATE INDEX "hold_company_id_event_id_idx" ON "venue"."hold" ("company_id", "event_id");
CREATE INDEX "hold_company_id_created_at_id_idx" ON "venue"."hold" ("company_id", "created_at" DESC, "id" DESC);
ALTER TABLE "venue"."hold" ADD CONSTRAINT "hold_company_id_venue_id_space_id_fkey"
    FOREIGN KEY ("company_id", "venue_id", "space_id") REFERENCES "venue"."space" ("company_id", "venue_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "venue"."hold_block" (
    "company_id" UUID NOT NULL,
    "hold_id" UUID NOT NULL,
    "space_id" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "status" "venue"."hold_status" NOT NULL,
    "blocked_from" TIMESTAMPTZ(3) NOT NULL,
    "blocked_until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hold_block_pkey" PRIMARY KEY ("hold_id", "space_id"),
    CONSTRAINT "hold_block_range_forward" CHECK ("blocked_until" > "blocked_from"),
    -- Two active holds claiming one physical space at overlapping times never share a rank.
    CONSTRAINT "hold_block_rank_unique_while_active" EXCLUDE USING gist (
        "space_id" WITH =, "rank" WITH =, tstzrange("blocked_from", "blocked_until", '[)') WITH &&
    ) WHERE ("status" = 'ACTIVE')
);

CREATE INDEX "hold_block_company_id_space_id_idx" ON "venue"."hold_block" ("company_id", "space_id");
ALTER TABLE "venue"."hold_block" ADD CONSTRAINT "hold_block_company_id_hold_id_rank_status_fkey"
    FOREIGN KEY ("company_id", "hold_id", "rank", "status") REFERENCES "venue"."hold" ("company_id", "id", "rank", "status") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "venue"."hold_block" ADD CONSTRAINT "hold_block_company_id_space_id_fkey"
    FOREIGN KEY ("company_id", "space_id") REFERENCES "venue"."space" ("company_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "venue"."booking" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "venue_id" UUID NOT NULL,
    "space_id" UUID NOT NULL,
    "layout_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "hold_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "venue"."booking_status" NOT NULL DEFAULT 'CONFIRMED',
    "confirmed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_by" UUID NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancelled_by" UUID,

    CONSTRAINT "booking_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "booking_range_forward" CHECK ("ends_at" > "starts_at"),
    CONSTRAINT "booking_cancellation_recorded" CHECK (
        ("status" = 'CANCELLED') = ("cancelled_at" IS NOT NULL) AND ("cancelled_at" IS NULL) = ("cancelled_by" IS NULL)
    )
);

CREATE UNIQUE INDEX "booking_company_id_id_key" ON "venue"."booking" ("company_id", "id");
CREATE UNIQUE INDEX "booking_company_id_id_status_key" ON "venue"."booking" ("company_id", "id", "status");
CREATE UNIQUE INDEX "booking_company_id_hold_id_key" ON "venue"."booking" ("company_id", "hold_id");
CREATE INDEX "booking_company_id_event_id_idx" ON "venue"."booking" ("company_id", "event_id");
CREATE INDEX "booking_company_id_confirmed_at_id_idx" ON "venue"."booking" ("company_id", "confirmed_at" DESC, "id" DESC);
-- An event is booked into one place at a time.
CREATE UNIQUE INDEX "booking_one_confirmed_per_event" ON "venue"."booking" ("company_id", "event_id") WHERE "status" = 'CONFIRMED';
ALTER TABLE "venue"."booking" ADD CONSTRAINT "booking_company_id_venue_id_space_id_fkey"
    FOREIGN KEY ("company_id", "venue_id", "space_id") REFERENCES "venue"."space" ("company_id", "venue_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "venue"."booking" ADD CONSTRAINT "booking_company_id_space_id_layout_id_fkey"
    FOREIGN KEY ("company_id", "space_id", "layout_id") REFERENCES "venue"."layout" ("company_id", "space_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "venue"."booking" ADD CONSTRAINT "booking_company_id_hold_id_fkey"
    FOREIGN KEY ("company_id", "hold_id") REFERENCES "venue"."hold" ("company_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "venue"."booking_block" (
    "company_id" UUID NOT NULL,
    "booking_id" UUID NOT NULL,
    "space_id" UUID NOT NULL,
    "status" "venue"."booking_status" NOT NULL,
    "blocked_from" TIMESTAMPTZ(3) NOT NULL,
    "blocked_until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "booking_block_pkey" PRIMARY KEY ("booking_id", "space_id"),
    CONSTRAINT "booking_block_range_forward" CHECK ("blocked_until" > "blocked_from"),
    -- Two confirmed bookings never occupy one physical space at overlapping times.
    CONSTRAINT "booking_block_no_double_booking" EXCLUDE USING gist (
        "space_id" WITH =, tstzrange("blocked_from", "blocked_until", '[)') WITH &&
    ) WHERE ("status" = 'CONFIRMED')
);

CREATE INDEX "booking_block_company_id_space_id_idx" ON "venue"."booking_block" ("company_id", "space_id");
ALTER TABLE "venue"."booking_block" ADD CONSTRAINT "booking_block_company_id_booking_id_status_fkey"
    FOREIGN KEY ("company_id", "booking_id", "status") REFERENCES "venue"."booking" ("company_id", "id", "status") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "venue"."booking_block" ADD CONSTRAINT "booking_block_company_id_space_id_fkey"
    FOREIGN KEY ("company_id", "space_id") REFERENCES "venue"."space" ("company_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
