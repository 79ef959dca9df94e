-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "base";

-- CreateEnum
CREATE TYPE "base"."event_status" AS ENUM ('DRAFT', 'ANNOUNCED', 'ON_SALE', 'SOLD_OUT', 'CANCELLED', 'COMPLETED');

-- CreateTable
CREATE TABLE "base"."event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" "base"."event_status" NOT NULL DEFAULT 'DRAFT',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "time_zone" TEXT NOT NULL,
    "venue_name" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "capacity" INTEGER NOT NULL,
    "tickets_sold" INTEGER NOT NULL DEFAULT 0,
    "ticket_price" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "event_name_check" CHECK (length(btrim("name")) BETWEEN 1 AND 200),
    CONSTRAINT "event_ends_after_start_check" CHECK ("ends_at" > "starts_at"),
    CONSTRAINT "event_capacity_check" CHECK ("capacity" >= 0),
    -- Other modules (finance, analytics) read sell-through from these two; it must always make sense.
    CONSTRAINT "event_tickets_sold_within_capacity_check" CHECK ("tickets_sold" >= 0 AND "tickets_sold" <= "capacity"),
    CONSTRAINT "event_ticket_price_check" CHECK ("ticket_price" >= 0),
    CONSTRAINT "event_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$'),
    CONSTRAINT "event_country_check" CHECK ("country" ~ '^[A-Z]{2}$'),
    CONSTRAINT "event_latitude_check" CHECK ("latitude" BETWEEN -90 AND 90),
    CONSTRAINT "event_longitude_check" CHECK ("longitude" BETWEEN -180 AND 180)
);

-- CreateTable
CREATE TABLE "base"."artist" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "genres" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "home_city" TEXT,
    "home_country" CHAR(2),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "artist_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "artist_name_check" CHECK (length(btrim("name")) BETWEEN 1 AND 200),
    CONSTRAINT "artist_home_country_check" CHECK ("home_country" ~ '^[A-Z]{2}$')
);

-- CreateTable
CREATE TABLE "base"."event_lineup" (
    "company_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "artist_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "event_lineup_pkey" PRIMARY KEY ("event_id","position"),
    CONSTRAINT "event_lineup_position_check" CHECK ("position" >= 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "event_company_id_id_key" ON "base"."event"("company_id", "id");

-- CreateIndex
CREATE INDEX "event_company_id_starts_at_id_idx" ON "base"."event"("company_id", "starts_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "artist_company_id_id_key" ON "base"."artist"("company_id", "id");

-- CreateIndex
CREATE INDEX "artist_company_id_name_id_idx" ON "base"."artist"("company_id", "name", "id");

-- CreateIndex
CREATE UNIQUE INDEX "event_lineup_event_id_artist_id_key" ON "base"."event_lineup"("event_id", "artist_id");

-- CreateIndex
CREATE INDEX "event_lineup_company_id_artist_id_idx" ON "base"."event_lineup"("company_id", "artist_id");

-- AddForeignKey
-- Both keys carry company_id: a lineup row can only join an event and an artist of the same company.
ALTER TABLE "base"."event_lineup" ADD CONSTRAINT "event_lineup_company_id_event_id_fkey" FOREIGN KEY ("company_id", "event_id") REFERENCES "base"."event"("company_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
-- RESTRICT: an artist in a lineup cannot be deleted (deleteArtist refuses first, with a clear message).
ALTER TABLE "base"."event_lineup" ADD CONSTRAINT "event_lineup_company_id_artist_id_fkey" FOREIGN KEY ("company_id", "artist_id") REFERENCES "base"."artist"("company_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
