-- A ticket-bonus threshold is at most 1,000,000 tickets (README, "Input rules"), as no event
-- sells more. NOT VALID: a row stored before the bound stays (bonuses are append-only);
-- every insert from now on is checked.
ALTER TABLE "market"."deal_terms_bonus" ADD CONSTRAINT "deal_terms_bonus_tickets_sold_bound" CHECK ("tickets_sold" <= 1000000) NOT VALID;
