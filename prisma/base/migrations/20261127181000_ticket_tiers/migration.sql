-- Ticket scaling (issue #10): an event's tickets are sold in tiers (general admission,
-- balcony, VIP), each with its own price, allocation, kills, comps and sales. The event's
-- capacity, tickets sold and price stay where other modules and the dashboard read them,
-- but they are now figures derived from the tiers, by the trigger below: one source.

-- CreateTable
CREATE TABLE "base"."ticket_tier" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "company_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    -- In the event's currency: an event's tiers are priced in one currency, the event's `currency`.
    "price" DECIMAL(19,4) NOT NULL,
    "allocation" INTEGER NOT NULL,
    "kills" INTEGER NOT NULL DEFAULT 0,
    "comps" INTEGER NOT NULL DEFAULT 0,
    "sold" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_tier_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ticket_tier_position_check" CHECK ("position" >= 0),
    CONSTRAINT "ticket_tier_name_check" CHECK (length(btrim("name")) BETWEEN 1 AND 100),
    CONSTRAINT "ticket_tier_price_check" CHECK ("price" >= 0),
    CONSTRAINT "ticket_tier_allocation_check" CHECK ("allocation" >= 0),
    CONSTRAINT "ticket_tier_counts_check" CHECK ("kills" >= 0 AND "comps" >= 0 AND "sold" >= 0),
    -- Killed seats are not sold and complimentary tickets bring no revenue: together with the
    -- paid tickets they fit in the allocation. Summed over the tiers, this keeps the event's
    -- tickets sold within its capacity.
    CONSTRAINT "ticket_tier_within_allocation_check" CHECK ("kills" + "comps" + "sold" <= "allocation")
);

-- CreateIndex
CREATE UNIQUE INDEX "ticket_tier_event_id_name_key" ON "base"."ticket_tier"("event_id", "name");

-- One tier per display position. DEFERRABLE (checked at the end of each statement, not row by
-- row), so that one UPDATE can reorder an event's tiers, swapping two positions.
ALTER TABLE "base"."ticket_tier" ADD CONSTRAINT "ticket_tier_event_id_position_key" UNIQUE ("event_id", "position") DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
-- The key carries company_id: a tier can only belong to an event of its own company.
ALTER TABLE "base"."ticket_tier" ADD CONSTRAINT "ticket_tier_company_id_event_id_fkey" FOREIGN KEY ("company_id", "event_id") REFERENCES "base"."event"("company_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every existing event gets one tier holding its current figures, so that nothing changes for
-- it: one "General admission" tier priced at its ticket price, its capacity as the allocation.
INSERT INTO "base"."ticket_tier" ("company_id", "event_id", "position", "name", "price", "allocation", "sold", "created_at", "updated_at")
SELECT "company_id", "id", 0, 'General admission', "ticket_price", "capacity", "tickets_sold", "created_at", "updated_at"
FROM "base"."event";

-- A tier's allocation is at most 1,000,000, as an event's capacity is. NOT VALID, like the
-- event's bound (20261127120000_capacity_bound): the tier backfilled from an event stored
-- before that bound stays; every insert and update from now on is checked.
ALTER TABLE "base"."ticket_tier" ADD CONSTRAINT "ticket_tier_allocation_bound_check" CHECK ("allocation" <= 1000000) NOT VALID;

-- The event's figures are written by the trigger only; a new event starts at zero until its
-- first tier is written (in the same transaction).
ALTER TABLE "base"."event" ALTER COLUMN "capacity" SET DEFAULT 0;
ALTER TABLE "base"."event" ALTER COLUMN "ticket_price" SET DEFAULT 0;

-- The event's figures, derived from its tiers after every statement that writes tiers:
--   capacity     = Σ (allocation − kills)   the seats that can be used; killed seats cannot
--   tickets_sold = Σ sold                   paid tickets; comps are not sales
--   ticket_price = the lowest price among the tiers with a ticket to sell
--                  (allocation − kills − comps > 0): the "tickets from" price. A tier that is
--                  all kills or comps (a 0.00 "Guest list", say) sells nothing at its price,
--                  so it does not set the event's price; with no such tier, the lowest price.
-- With no tier at all the figures are 0. Every event has at least one tier, but the
-- application holds that, not the database: PostgreSQL has no declarative "at least one
-- child row" constraint (a CHECK sees one row, and the foreign key runs from tier to
-- event), and an event must exist before its first tier can point at it, so a new event
-- has no tier between those two statements; only commit-time triggers on both tables
-- could hold it, and bulk loaders that write events on their own (the benchmark's world)
-- would then have to write tiers too. An event without tiers still reads consistently: 0, 0, 0.
-- `updated_at` is left alone: the application stamps the event it changes, and a seed or
-- backfill of tiers must not make old events look recently changed (AI reads those dates).
CREATE FUNCTION "base"."ticket_tier_derive_event_figures"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    "event_ids" UUID[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT "event_id") INTO "event_ids" FROM "new_tiers";
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT array_agg(DISTINCT "event_id") INTO "event_ids"
        FROM (SELECT "event_id" FROM "old_tiers" UNION SELECT "event_id" FROM "new_tiers") AS "changed";
    ELSE
        SELECT array_agg(DISTINCT "event_id") INTO "event_ids" FROM "old_tiers";
    END IF;
    IF "event_ids" IS NULL THEN
        RETURN NULL;
    END IF;

    -- Lock the events first (in id order, so two writers cannot deadlock), then sum in a
    -- statement of its own: it reads with a snapshot taken after the locks, so it sees
    -- the tiers a concurrent writer committed while this one waited. Base's writes lock
    -- the event before touching its tiers anyway; this holds for any other SQL too.
    PERFORM 1 FROM "base"."event" WHERE "id" = ANY ("event_ids") ORDER BY "id" FOR UPDATE;

    UPDATE "base"."event" AS "event"
    SET "capacity" = "figures"."capacity", "tickets_sold" = "figures"."tickets_sold", "ticket_price" = "figures"."ticket_price"
    FROM (
        SELECT "e"."id",
               COALESCE(sum("t"."allocation" - "t"."kills"), 0)::INTEGER AS "capacity",
               COALESCE(sum("t"."sold"), 0)::INTEGER AS "tickets_sold",
               COALESCE(min("t"."price") FILTER (WHERE "t"."allocation" - "t"."kills" - "t"."comps" > 0), min("t"."price"), 0) AS "ticket_price"
        FROM "base"."event" AS "e"
        LEFT JOIN "base"."ticket_tier" AS "t" ON "t"."company_id" = "e"."company_id" AND "t"."event_id" = "e"."id"
        WHERE "e"."id" = ANY ("event_ids")
        GROUP BY "e"."id"
    ) AS "figures"
    WHERE "event"."id" = "figures"."id"
      AND ("event"."capacity", "event"."tickets_sold", "event"."ticket_price")
          IS DISTINCT FROM ("figures"."capacity", "figures"."tickets_sold", "figures"."ticket_price");
    RETURN NULL;
END;
$$;

-- Statement triggers with transition tables: a statement writing many tiers (a seed, a
-- reordering) derives each event's figures once. PostgreSQL allows transition tables only
-- on a trigger for a single kind of statement, hence three.
CREATE TRIGGER "ticket_tier_inserted" AFTER INSERT ON "base"."ticket_tier"
    REFERENCING NEW TABLE AS "new_tiers"
    FOR EACH STATEMENT EXECUTE FUNCTION "base"."ticket_tier_derive_event_figures"();
CREATE TRIGGER "ticket_tier_updated" AFTER UPDATE ON "base"."ticket_tier"
    REFERENCING OLD TABLE AS "old_tiers" NEW TABLE AS "new_tiers"
    FOR EACH STATEMENT EXECUTE FUNCTION "base"."ticket_tier_derive_event_figures"();
CREATE TRIGGER "ticket_tier_deleted" AFTER DELETE ON "base"."ticket_tier"
    REFERENCING OLD TABLE AS "old_tiers"
    FOR EACH STATEMENT EXECUTE FUNCTION "base"."ticket_tier_derive_event_figures"();
