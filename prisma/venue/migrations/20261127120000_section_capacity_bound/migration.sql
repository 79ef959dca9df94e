-- A layout section holds at most 1,000,000 (README, "Input rules"), so that a layout's
-- capacity, the sum of at most 50 sections, always fits. NOT VALID: a row stored before the
-- bound stays; every insert and update from now on is checked.
ALTER TABLE "venue"."layout_section" ADD CONSTRAINT "layout_section_capacity_bound" CHECK ("capacity" <= 1000000) NOT VALID;
