/** Every expense category, in the order the settlement waterfall lists them. */
export const EXPENSE_CATEGORIES = [
  "PRODUCTION",
  "MARKETING",
  "HOSPITALITY",
  "TRAVEL",
  "STAFFING",
  "VENUE_RENT",
  "OTHER",
] as const;

export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/** How each category reads on a settlement sheet. */
export const EXPENSE_CATEGORY_LABELS: Readonly<Record<ExpenseCategory, string>> = {
  PRODUCTION: "Production",
  MARKETING: "Marketing",
  HOSPITALITY: "Hospitality",
  TRAVEL: "Travel",
  STAFFING: "Staffing",
  VENUE_RENT: "Venue rent",
  OTHER: "Other",
};
