import { moneyResolvers, promoterProfitResolvers } from "@marquee/kit";
import type { Resolvers } from "../__generated__/resolvers-types.ts";
import { ActFigures } from "./ActFigures.ts";
import { ActPayment } from "./ActPayment.ts";
import { Artist } from "./Artist.ts";
import { Contract } from "./Contract.ts";
import { ContractSettlementComparison } from "./ContractSettlementComparison.ts";
import { DealTerms } from "./DealTerms.ts";
import { Event } from "./Event.ts";
import { Expense } from "./Expense.ts";
import { Income } from "./Income.ts";
import { Mutation } from "./Mutation.ts";
import { Query } from "./Query.ts";
import { ScheduledPayment } from "./ScheduledPayment.ts";
import { Settlement } from "./Settlement.ts";
import { SettlementAct } from "./SettlementAct.ts";
import { SettlementDeduction } from "./SettlementDeduction.ts";

export const resolvers: Resolvers = { Query, Mutation, Event, Artist, Expense, Income, Settlement, SettlementAct, SettlementDeduction, Contract, ContractSettlementComparison, ActFigures, ActPayment, ScheduledPayment, Money: moneyResolvers, DealTerms, PromoterProfit: promoterProfitResolvers };
