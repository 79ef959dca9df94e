-- From offer to contract to settlement (issue #10, item 4): an act may name the signed
-- contract (Market's) it is paid under. Finance keeps the id alone, never the contract's
-- terms: the gateway brings them along when a comparison is read. A contract pays one act
-- of the company's settlements, so that a comparison always has exactly one act to read.

ALTER TABLE "finance"."settlement_act" ADD COLUMN "contract_id" UUID;

CREATE UNIQUE INDEX "settlement_act_company_id_contract_id_key" ON "finance"."settlement_act"("company_id", "contract_id");
