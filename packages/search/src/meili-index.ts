/** The shape and settings of the Meilisearch message index. */
import type { Settings } from "meilisearch";
import type { MessageDocument } from "./port";

/** A message as stored in Meilisearch: `createdAt` in Unix milliseconds, for range filters. */
export type StoredMessage = Omit<MessageDocument, "createdAt"> & { createdAt: number };

export const PRIMARY_KEY = "messageId";

export const MESSAGE_INDEX_SETTINGS: Settings = {
  // File names too: a search for a file's name finds the message that carries it.
  searchableAttributes: ["body", "fileNames"],
  filterableAttributes: [
    "organizationId",
    "participantIds",
    "senderId",
    "propertyId",
    "unitId",
    "conversationId",
    "conversationKind",
    "type",
    "priority",
    "createdAt",
    // For the keyset cursor's tie-break between messages of the same millisecond.
    "messageId",
  ],
  sortableAttributes: ["createdAt", "messageId"],
  // `sort` first: hits come strictly newest first, as in the Postgres engine, which keyset
  // pagination needs. Relevance only decides which messages match (matchingStrategy "all").
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
  // Typo tolerance as Meilisearch ships it, written out so a deployment cannot drift from it:
  // one typo from 5 letters, two from 9 ("permit" finds "permti", "maintenance" "maintenence").
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  // Facet counts per type and property are cheap; more than a few hundred values are never shown.
  faceting: { maxValuesPerFacet: 200 },
};

export function toStored(doc: MessageDocument): StoredMessage {
  return { ...doc, participantIds: [...doc.participantIds], createdAt: doc.createdAt.getTime() };
}
