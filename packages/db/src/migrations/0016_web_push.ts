import { createECDH } from "node:crypto";
import { type Kysely, sql } from "kysely";

/** A P-256 key pair in the form Web Push uses (URL-safe base64; the public key uncompressed). */
function vapidKeyPair(): { publicKey: string; privateKey: string } {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  // The private key is a 32-byte number; a smaller one comes back shorter and needs its zeros.
  const privateKey = Buffer.alloc(32);
  const raw = ecdh.getPrivateKey();
  raw.copy(privateKey, 32 - raw.length);
  return {
    publicKey: ecdh.getPublicKey().toString("base64url"),
    privateKey: privateKey.toString("base64url"),
  };
}

/**
 * Web Push (issue 11).
 *
 * - `push_subscriptions`: each browser a person turned push on in (the push service's endpoint
 *   and the keys to encrypt for it). An endpoint belongs to one browser, so it is unique: the same
 *   browser subscribing again as someone else moves it to them.
 * - `push_deliveries`: which subscription was sent which message, written after the push
 *   service accepted it, so a retried job skips what already went out.
 * - A statement-level trigger adds the `send_push` job (the outbox) in the transaction that sends
 *   a message, only when someone else in the conversation has a subscription: no write path can
 *   forget it, and a send to people without push pays one index probe.
 * - The VAPID key pair is made here, on the first run, and kept in `signing_keys` (name "vapid"),
 *   so every API process signs with the same keys (the API makes one itself if it is missing).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table push_subscriptions (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null,
      user_id uuid not null,
      endpoint text not null unique check (length(endpoint) <= 2000),
      p256dh text not null check (length(p256dh) <= 200),
      auth text not null check (length(auth) <= 100),
      created_at timestamptz not null default now(),
      last_sent_at timestamptz,
      unique (id, organization_id),
      foreign key (user_id, organization_id) references users (id, organization_id) on delete cascade
    );
    create index push_subscriptions_user_idx on push_subscriptions (user_id);

    create table push_deliveries (
      organization_id uuid not null,
      subscription_id uuid not null,
      message_id bigint not null references messages (id) on delete cascade,
      sent_at timestamptz not null default now(),
      primary key (subscription_id, message_id),
      foreign key (subscription_id, organization_id)
        references push_subscriptions (id, organization_id) on delete cascade
    );
    create index push_deliveries_message_idx on push_deliveries (message_id);

    create function push_job_for_inserted_messages() returns trigger language plpgsql as $$
    begin
      perform graphile_worker.add_job('send_push', json_build_object('messageId', m.id),
          job_key => 'push:' || m.id, max_attempts => 8)
        from inserted m
        where m.sent_at is not null and m.deleted_at is null and exists (
          select 1 from conversation_participants p
          join push_subscriptions s on s.user_id = p.user_id
          where p.conversation_id = m.conversation_id
            and p.user_id is distinct from m.sender_id);
      return null;
    end $$;

    -- A scheduled message goes out when its sent_at is set.
    create function push_job_for_sent_messages() returns trigger language plpgsql as $$
    begin
      perform graphile_worker.add_job('send_push', json_build_object('messageId', n.id),
          job_key => 'push:' || n.id, max_attempts => 8)
        from updated n join previous o on o.id = n.id
        where o.sent_at is null and n.sent_at is not null and n.deleted_at is null and exists (
          select 1 from conversation_participants p
          join push_subscriptions s on s.user_id = p.user_id
          where p.conversation_id = n.conversation_id
            and p.user_id is distinct from n.sender_id);
      return null;
    end $$;

    create trigger messages_push_insert after insert on messages
      referencing new table as inserted
      for each statement execute function push_job_for_inserted_messages();
    create trigger messages_push_update after update on messages
      referencing old table as previous new table as updated
      for each statement execute function push_job_for_sent_messages();
  `.execute(db);
  await sql`insert into signing_keys (name, secret) values ('vapid', ${JSON.stringify(vapidKeyPair())})
    on conflict (name) do nothing`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger if exists messages_push_update on messages;
    drop trigger if exists messages_push_insert on messages;
    drop function if exists push_job_for_sent_messages();
    drop function if exists push_job_for_inserted_messages();
    drop table if exists push_deliveries;
    drop table if exists push_subscriptions;
    delete from signing_keys where name = 'vapid';
  `.execute(db);
}
