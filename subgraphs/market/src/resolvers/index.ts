import { moneyResolvers, promoterProfitResolvers } from "@marquee/kit";
import type { Resolvers } from "../__generated__/resolvers-types.ts";
import { Artist } from "./Artist.ts";
import { Contract } from "./Contract.ts";
import { Deal } from "./Deal.ts";
import { DealTermsVersion } from "./DealTermsVersion.ts";
import { Event } from "./Event.ts";
import { Mutation } from "./Mutation.ts";
import { Query } from "./Query.ts";
import { RadiusWarning } from "./RadiusWarning.ts";

export const resolvers: Resolvers = { Query, Mutation, Event, Artist, Deal, DealTermsVersion, Contract, RadiusWarning, PromoterProfit: promoterProfitResolvers, Money: moneyResolvers };
