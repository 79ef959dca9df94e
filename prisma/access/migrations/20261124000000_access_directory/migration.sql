-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "access";

-- CreateEnum
CREATE TYPE "access"."entitlement_status" AS ENUM ('ACTIVE', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "access"."membership_status" AS ENUM ('ACTIVE', 'SUSPENDED');

-- CreateTable
CREATE TABLE "access"."module" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "module_pkey" PRIMARY KEY ("key"),
    -- Module keys prefix every permission key, so they hold lower-case letters only.
    CONSTRAINT "module_key_check" CHECK ("key" ~ '^[a-z]+$')
);

-- CreateTable
CREATE TABLE "access"."company" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access"."entitlement" (
    "company_id" UUID NOT NULL,
    "module_key" TEXT NOT NULL,
    "status" "access"."entitlement_status" NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "valid_until" TIMESTAMPTZ(3),

    CONSTRAINT "entitlement_pkey" PRIMARY KEY ("company_id","module_key"),
    CONSTRAINT "entitlement_validity_window_check" CHECK ("valid_until" IS NULL OR "valid_until" > "valid_from")
);

-- CreateTable
CREATE TABLE "access"."app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id"),
    -- Stored lower-case so that the unique index also rejects case variants of an address.
    CONSTRAINT "app_user_email_lower_case_check" CHECK ("email" = lower("email"))
);

-- CreateTable
CREATE TABLE "access"."membership" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "status" "access"."membership_status" NOT NULL,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access"."membership_module_grant" (
    "membership_id" UUID NOT NULL,
    "module_key" TEXT NOT NULL,

    CONSTRAINT "membership_module_grant_pkey" PRIMARY KEY ("membership_id","module_key")
);

-- CreateTable
CREATE TABLE "access"."membership_permission" (
    "membership_id" UUID NOT NULL,
    "module_key" TEXT NOT NULL,
    "permission" TEXT NOT NULL,

    CONSTRAINT "membership_permission_pkey" PRIMARY KEY ("membership_id","permission"),
    -- The same form the permission catalogs accept (module.resource.action), and the
    -- key must belong to the module the row names, so a grant cannot hide in another module.
    CONSTRAINT "membership_permission_key_check" CHECK (
        "permission" ~ '^[a-z]+\.[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$'
        AND split_part("permission", '.', 1) = "module_key"
    )
);

-- CreateIndex
CREATE UNIQUE INDEX "company_slug_key" ON "access"."company"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "access"."app_user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "membership_user_id_company_id_key" ON "access"."membership"("user_id", "company_id");

-- AddForeignKey
ALTER TABLE "access"."entitlement" ADD CONSTRAINT "entitlement_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "access"."company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access"."entitlement" ADD CONSTRAINT "entitlement_module_key_fkey" FOREIGN KEY ("module_key") REFERENCES "access"."module"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access"."membership" ADD CONSTRAINT "membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "access"."app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access"."membership" ADD CONSTRAINT "membership_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "access"."company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access"."membership_module_grant" ADD CONSTRAINT "membership_module_grant_membership_id_fkey" FOREIGN KEY ("membership_id") REFERENCES "access"."membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access"."membership_module_grant" ADD CONSTRAINT "membership_module_grant_module_key_fkey" FOREIGN KEY ("module_key") REFERENCES "access"."module"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access"."membership_permission" ADD CONSTRAINT "membership_permission_membership_id_fkey" FOREIGN KEY ("membership_id") REFERENCES "access"."membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access"."membership_permission" ADD CONSTRAINT "membership_permission_module_key_fkey" FOREIGN KEY ("module_key") REFERENCES "access"."module"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Core's module catalog (spec §3): the modules a company can be entitled to.
INSERT INTO "access"."module" ("key", "name", "description") VALUES
    ('basic', 'Basic', 'Core platform features: events, dashboard, artists.'),
    ('finance', 'Finance', 'Expenses, income, settlements and accounting.'),
    ('market', 'Market', 'Contracts, deals and artist booking.'),
    ('touring', 'Touring', 'Tours, routing and schedules.'),
    ('venue', 'Venue', 'Venue management and availability.'),
    ('ai', 'AI', 'Analytics, copilots and predictions.');
