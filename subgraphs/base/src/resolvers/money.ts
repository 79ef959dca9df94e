import { formatMoney } from "@marquee/kit";
import type { Decimal } from "decimal.js";

/** Base's Money as the API shows it: the amount with exactly the currency's minor digits ("45.00" USD, "4500" JPY). */
export const moneyOf = (amount: Decimal.Value, currency: string) => ({ amount: formatMoney({ amount, currency }), currency });
