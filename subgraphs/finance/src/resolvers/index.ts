import { moneyResolvers, promoterProfitResolvers } from "@marquee/kit";
import type { Resolvers } from "../__generated__/resolvers-types.ts";
import { reportDomainErrorsAsUserInput } from "../domain-errors.ts";
import { ActFigures } from "./ActFigures.ts";
import { ActPayment } from "./ActPayment.ts";
import { Artist } from "./Artist.ts";
import { DealTerms } from "./DealTerms.ts";
import { Event } from "./Event.ts";
import { Expense } from "./Expense.ts";
import { Income } from "./Income.ts";
import { Mutation } from "./Mutation.ts";
import { Query } from "./Query.ts";
import { Settlement } from "./Settlement.ts";
import { SettlementAct } from "./SettlementAct.ts";

export const resolvers: Resolvers = reportDomainErrorsAsUserInput({ Query, Mutation, Event, Artist, Expense, Income, Settlement, SettlementAct, ActFigures, ActPayment, Money: moneyResolvers, DealTerms, PromoterProfit: promoterProfitResolvers });
