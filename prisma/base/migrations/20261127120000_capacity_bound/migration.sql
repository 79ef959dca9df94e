-- An event's capacity is at most 1,000,000 (README, "Input rules"): sums over many events
-- then stay exact, and no single event passes what a count can hold. NOT VALID: a row
-- stored before the bound stays readable (the sums cope with it); every insert and update
-- from now on is checked.
ALTER TABLE "base"."event" ADD CONSTRAINT "event_capacity_bound_check" CHECK ("capacity" <= 1000000) NOT VALID;
