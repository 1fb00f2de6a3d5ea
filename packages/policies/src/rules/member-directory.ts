/**
 * What a member learns about another member in the directory beyond a name (issue 14: "a name and,
 * where the profile needs it, a unit"). A unit is needed only where members message each other
 * and share a building: it tells two neighbours of the same name apart.
 */
import { allow, deny } from "../decision";
import type { Rule } from "../decisions";
import type { SeeMemberUnitInput } from "../inputs";
import { checkMemberPair } from "./member-messages";

export const seeMemberUnit: Rule<SeeMemberUnitInput> = (knobs, { actor, member, sharesProperty }) =>
  checkMemberPair(knobs, actor, member) ??
  (sharesProperty
    ? allow("Members who may message each other see the unit of a neighbour in their building.")
    : deny("not_neighbors", "Units are shown only for members of your own building."));
