/**
 * The message-search port: what the API asks of a search engine, whichever engine answers.
 * Every engine returns only messages the viewer may read: sent, not deleted, in a conversation
 * of the viewer's organization that the viewer participates in.
 */
import type { ConversationKind, MessageType, Priority } from "@hearth/db/types";

/** Most hits one page may hold. */
export const MAX_SEARCH_LIMIT = 50;

/** One search request, always on behalf of one viewer in one organization. */
export interface SearchQuery {
  organizationId: string;
  /** The user searching; only conversations they participate in are searched. */
  viewerId: string;
  /**
   * Words to find. Whole words match through stemming ("lights" finds "light"), and a word may
   * also match part of a longer one ("hall" finds "hallway"). `"quoted phrase"` and `-excluded`
   * are understood. Blank or absent lists everything the filters allow, newest first.
   */
  text?: string;
  /** Messages created at or after this instant. */
  from?: Date;
  /** Messages created before this instant (exclusive, so a day range is `[day, nextDay)`). */
  to?: Date;
  /** Only messages sent by this user. */
  senderId?: string;
  /** Only messages of conversations this user takes part in (or sent by them). */
  personId?: string;
  /** Only messages of this conversation. */
  conversationId?: string;
  kind?: ConversationKind;
  priority?: Priority;
  /** Only messages of conversations about this property (through their unit or request). */
  propertyId?: string;
  /** Only messages of conversations about this unit. */
  unitId?: string;
  type?: MessageType;
  /** Page size, 1 to {@link MAX_SEARCH_LIMIT}. */
  limit: number;
  /** `nextCursor` of the previous page; cursors belong to the engine that issued them. */
  cursor?: string;
  /** Ask for counts per type and per property of everything that matches (where the engine can). */
  facets?: boolean;
}

/** A highlighted span of an excerpt, in UTF-16 code units (JavaScript string indices). */
export interface HighlightRange {
  start: number;
  end: number;
}

/** One message found. The excerpt is plain text: render it escaped, marking `highlights`. */
export interface SearchHit {
  messageId: number;
  conversationId: string;
  /** Null for messages from the organization itself (e.g. broadcasts) or a deleted sender. */
  senderId: string | null;
  senderName: string | null;
  /** A short part of the body around the matched words (or its beginning). */
  excerpt: string;
  highlights: HighlightRange[];
  type: MessageType;
  priority: Priority;
  conversationKind: ConversationKind;
  createdAt: Date;
}

/** How many messages match, per message type and per property (conversations with a property). */
export interface SearchFacets {
  types: Partial<Record<MessageType, number>>;
  properties: Record<string, number>;
}

/** One page of hits, newest first. */
export interface SearchResult {
  hits: SearchHit[];
  /** Pass as `cursor` for the next page; null when this page is the last. */
  nextCursor: string | null;
  /** Present when asked for and the engine counts them (Meilisearch); null otherwise. */
  facets: SearchFacets | null;
}

/**
 * A message as an index stores it: denormalised, carrying who may read it, so an engine that
 * cannot join (Meilisearch) can still filter by reader, property and unit.
 */
export interface MessageDocument {
  messageId: number;
  organizationId: string;
  conversationId: string;
  /** Every participant of the conversation: the users who may read the message. */
  participantIds: string[];
  senderId: string | null;
  senderName: string | null;
  propertyId: string | null;
  unitId: string | null;
  conversationKind: ConversationKind;
  type: MessageType;
  priority: Priority;
  body: string;
  /** The names of the message's files, space-separated; absent when it has none. */
  fileNames?: string;
  createdAt: Date;
}

/** A message-search engine. */
export interface SearchEngine {
  /** Which engine this is, for logs and health checks. */
  readonly kind: "postgres" | "meilisearch";
  /** Creates the index and applies its settings; idempotent, called once at start. */
  prepare(): Promise<void>;
  /** Adds or replaces these messages in the index. */
  index(docs: MessageDocument[]): Promise<void>;
  /** Removes these messages from the index; unknown ids are ignored. */
  remove(messageIds: number[]): Promise<void>;
  /**
   * One page of what the viewer may read that matches the query, newest first.
   * @throws InvalidSearchQueryError for a limit out of range, a bad cursor or date.
   */
  search(query: SearchQuery): Promise<SearchResult>;
}
