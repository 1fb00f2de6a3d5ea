import type { Channel } from "./knobs";
import { channelLabels } from "./labels";

/**
 * The words a profile's users know it by. Refusal reasons and the apps' sentences are written with
 * these, so a coworking member never reads about a landlord and a tenant never about a space.
 */
export interface Vocabulary {
  /** The people the organization serves: "tenant", "resident", "member". */
  readonly resident: { readonly one: string; readonly many: string };
  /** Who runs the place, as those people would say it: "your landlord", "the space". */
  readonly management: string;
  /** The organization as a place: "this property", "this space". */
  readonly place: string;
  /** The button and title of the panel about the person one is writing with: "Tenant info". */
  readonly personInfo: string;
  /** Under a unit offered in New message: who a whole-unit chat reaches. */
  readonly unitGroupHint: string;
  /** Beside "Choose a conversation" when the user may start one. */
  readonly startHint: string;
}

/** "tenant" -> "Tenant". */
export function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A channel's name as the profile's users know it: the Tenants channel is "Members" in a space. */
export function channelName(words: Vocabulary, channel: Channel): string {
  return channel === "tenants" ? capitalized(words.resident.many) : channelLabels[channel];
}
