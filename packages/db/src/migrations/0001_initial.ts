import { type Kysely, sql } from "kysely";

/**
 * The whole domain in one first migration. Frozen: it never imports today's types.
 * Every table carries organization_id so that each query can be scoped by it, and child rows
 * reference their parent together with the organization, so a row can never point across
 * organizations.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;

    create table organizations (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
      name text not null check (length(name) between 1 and 200),
      policy_profile text not null,
      policy_overrides jsonb not null default '{}'::jsonb,
      mode text not null default 'property_manager' check (mode in ('landlord', 'property_manager')),
      timezone text not null default 'America/New_York',
      business_hours jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid references organizations (id) on delete cascade,
      email text not null check (email = lower(email) and position('@' in email) > 1),
      display_name text not null check (length(display_name) between 1 and 200),
      kind text not null check (kind in ('manager', 'resident', 'service_pro', 'owner', 'operator')),
      manager_role text check (manager_role in ('account_owner', 'sub_user')),
      permissions text[] not null default '{}',
      password_hash text,
      phone text,
      timezone text,
      member_status text not null default 'active' check (member_status in ('active', 'inactive')),
      plan text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (id, organization_id),
      check ((kind = 'manager') = (manager_role is not null)),
      check ((kind = 'operator') = (organization_id is null))
    );
    create unique index users_email_key on users (email);
    create index users_org_kind_idx on users (organization_id, kind);
    create index users_name_trgm_idx on users using gin (display_name gin_trgm_ops);

    create table properties (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organizations (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      address text,
      created_at timestamptz not null default now(),
      unique (id, organization_id)
    );
    create index properties_org_idx on properties (organization_id);

    create table units (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null,
      property_id uuid not null,
      name text not null check (length(name) between 1 and 100),
      created_at timestamptz not null default now(),
      unique (id, organization_id),
      unique (property_id, name),
      foreign key (property_id, organization_id) references properties (id, organization_id) on delete cascade
    );
    create index units_org_idx on units (organization_id);

    create table leases (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null,
      unit_id uuid not null,
      starts_on date not null,
      ends_on date,
      created_at timestamptz not null default now(),
      unique (id, organization_id),
      check (ends_on is null or ends_on >= starts_on),
      foreign key (unit_id, organization_id) references units (id, organization_id) on delete cascade
    );
    create index leases_unit_idx on leases (unit_id);

    create table lease_residents (
      lease_id uuid not null,
      user_id uuid not null,
      organization_id uuid not null,
      primary key (lease_id, user_id),
      foreign key (lease_id, organization_id) references leases (id, organization_id) on delete cascade,
      foreign key (user_id, organization_id) references users (id, organization_id) on delete cascade
    );
    create index lease_residents_user_idx on lease_residents (user_id);

    create table connections (
      organization_id uuid not null,
      user_id uuid not null,
      status text not null check (status in ('invited', 'connected')),
      invited_by uuid references users (id) on delete set null,
      invited_at timestamptz not null default now(),
      connected_at timestamptz,
      primary key (organization_id, user_id),
      foreign key (user_id, organization_id) references users (id, organization_id) on delete cascade,
      check ((status = 'connected') = (connected_at is not null))
    );

    create table invitations (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null,
      user_id uuid not null,
      token_hash text not null unique,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      foreign key (user_id, organization_id) references users (id, organization_id) on delete cascade
    );
    create index invitations_user_idx on invitations (user_id);

    create table maintenance_requests (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null,
      property_id uuid not null,
      unit_id uuid,
      submitted_by uuid not null,
      title text not null check (length(title) between 1 and 200),
      description text not null default '',
      status text not null default 'open' check (status in ('open', 'in_progress', 'closed')),
      priority text not null default 'normal' check (priority in ('normal', 'high')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (id, organization_id),
      foreign key (property_id, organization_id) references properties (id, organization_id) on delete cascade,
      foreign key (unit_id, organization_id) references units (id, organization_id) on delete set null (unit_id),
      foreign key (submitted_by, organization_id) references users (id, organization_id) on delete cascade
    );
    create index maintenance_requests_org_idx on maintenance_requests (organization_id, created_at desc);

    create table conversations (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organizations (id) on delete cascade,
      kind text not null check (kind in ('direct', 'unit_group', 'team', 'maintenance', 'broadcast')),
      title text,
      unit_id uuid,
      maintenance_request_id uuid,
      created_by uuid references users (id) on delete set null,
      no_reply boolean not null default false,
      last_message_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      unique (id, organization_id),
      foreign key (unit_id, organization_id) references units (id, organization_id) on delete set null (unit_id),
      foreign key (maintenance_request_id, organization_id)
        references maintenance_requests (id, organization_id) on delete cascade
    );
    create index conversations_org_activity_idx on conversations (organization_id, last_message_at desc, id desc);
    create unique index conversations_unit_group_key on conversations (unit_id) where kind = 'unit_group';
    create unique index conversations_maintenance_key on conversations (maintenance_request_id) where kind = 'maintenance';

    create table conversation_participants (
      conversation_id uuid not null,
      user_id uuid not null,
      organization_id uuid not null,
      joined_at timestamptz not null default now(),
      last_read_message_id bigint not null default 0,
      last_read_at timestamptz,
      archived_at timestamptz,
      muted boolean not null default false,
      primary key (conversation_id, user_id),
      foreign key (conversation_id, organization_id) references conversations (id, organization_id) on delete cascade,
      foreign key (user_id, organization_id) references users (id, organization_id) on delete cascade
    );
    create index conversation_participants_inbox_idx on conversation_participants (user_id, archived_at);

    create table messages (
      id bigint generated always as identity primary key,
      organization_id uuid not null,
      conversation_id uuid not null,
      sender_id uuid,
      client_id text check (length(client_id) between 1 and 100),
      body text not null check (length(body) <= 20000),
      type text not null default 'general'
        check (type in ('general', 'maintenance', 'payment_reminder', 'lease', 'event', 'document_request')),
      priority text not null default 'normal' check (priority in ('normal', 'high')),
      copy_to_email boolean not null default false,
      scheduled_for timestamptz,
      sent_at timestamptz,
      created_at timestamptz not null default now(),
      edited_at timestamptz,
      deleted_at timestamptz,
      foreign key (conversation_id, organization_id) references conversations (id, organization_id) on delete cascade,
      foreign key (sender_id, organization_id) references users (id, organization_id) on delete set null (sender_id)
    );
    create unique index messages_sender_client_key on messages (sender_id, client_id) where client_id is not null;
    create index messages_thread_idx on messages (conversation_id, id desc);
    create index messages_scheduled_idx on messages (scheduled_for) where sent_at is null;
    create index messages_org_idx on messages (organization_id, id desc);

    create table message_revisions (
      id bigint generated always as identity primary key,
      organization_id uuid not null references organizations (id) on delete cascade,
      message_id bigint not null references messages (id) on delete cascade,
      body text not null,
      revised_by uuid references users (id) on delete set null,
      revised_at timestamptz not null default now(),
      action text not null check (action in ('edit', 'delete'))
    );
    create index message_revisions_message_idx on message_revisions (message_id);

    create table mentions (
      message_id bigint not null references messages (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      organization_id uuid not null references organizations (id) on delete cascade,
      primary key (message_id, user_id)
    );

    create table board_posts (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null,
      property_id uuid,
      author_id uuid,
      category text not null default 'notice'
        check (category in ('notice', 'announcement', 'job', 'for_sale', 'wanted', 'lost_found')),
      title text not null check (length(title) between 1 and 200),
      body text not null check (length(body) <= 20000),
      comments_enabled boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz,
      unique (id, organization_id),
      foreign key (property_id, organization_id) references properties (id, organization_id) on delete cascade,
      foreign key (author_id, organization_id) references users (id, organization_id) on delete set null (author_id)
    );
    create index board_posts_org_idx on board_posts (organization_id, created_at desc);

    create table board_comments (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null,
      post_id uuid not null,
      author_id uuid,
      body text not null check (length(body) between 1 and 5000),
      created_at timestamptz not null default now(),
      seen_by_manager_at timestamptz,
      deleted_at timestamptz,
      foreign key (post_id, organization_id) references board_posts (id, organization_id) on delete cascade,
      foreign key (author_id, organization_id) references users (id, organization_id) on delete set null (author_id)
    );
    create index board_comments_post_idx on board_comments (post_id, created_at);

    create table attachments (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organizations (id) on delete cascade,
      uploader_id uuid references users (id) on delete set null,
      message_id bigint references messages (id) on delete cascade,
      board_post_id uuid references board_posts (id) on delete cascade,
      file_name text not null check (length(file_name) between 1 and 255),
      mime_type text not null,
      size_bytes bigint not null check (size_bytes >= 0),
      storage_key text not null unique,
      created_at timestamptz not null default now()
    );
    create index attachments_message_idx on attachments (message_id);

    create table templates (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organizations (id) on delete cascade,
      owner_id uuid references users (id) on delete cascade,
      name text not null check (length(name) between 1 and 100),
      body text not null check (length(body) <= 20000),
      type text not null default 'general'
        check (type in ('general', 'maintenance', 'payment_reminder', 'lease', 'event', 'document_request')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index templates_org_idx on templates (organization_id);

    create table user_settings (
      user_id uuid primary key,
      organization_id uuid not null,
      notify_email boolean not null default true,
      notify_sms boolean not null default false,
      notify_push boolean not null default true,
      notify_desktop boolean not null default true,
      signature text,
      auto_response_enabled boolean not null default false,
      auto_response_body text,
      business_hours jsonb,
      maintenance_threads_enabled boolean not null default true,
      updated_at timestamptz not null default now(),
      foreign key (user_id, organization_id) references users (id, organization_id) on delete cascade
    );

    create table notifications (
      id bigint generated always as identity primary key,
      organization_id uuid not null references organizations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      kind text not null,
      conversation_id uuid references conversations (id) on delete cascade,
      message_id bigint references messages (id) on delete cascade,
      payload jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notifications_user_idx on notifications (user_id, id desc);

    create table notification_deliveries (
      id bigint generated always as identity primary key,
      organization_id uuid not null references organizations (id) on delete cascade,
      notification_id bigint not null references notifications (id) on delete cascade,
      channel text not null check (channel in ('email', 'sms', 'push', 'desktop')),
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'skipped')),
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      unique (notification_id, channel)
    );

    create table audit_log (
      id bigint generated always as identity primary key,
      organization_id uuid references organizations (id) on delete cascade,
      actor_id uuid references users (id) on delete set null,
      action text not null,
      target_type text not null,
      target_id text not null,
      before jsonb,
      after jsonb,
      created_at timestamptz not null default now()
    );
    create index audit_log_org_idx on audit_log (organization_id, id desc);
    create index audit_log_action_idx on audit_log (action, id desc);

    create table sessions (
      id text primary key,
      user_id uuid not null references users (id) on delete cascade,
      expires_at timestamptz not null,
      app text not null check (app in ('manager', 'resident')),
      created_at timestamptz not null default now()
    );
    create index sessions_user_idx on sessions (user_id);

    create table sign_in_attempts (
      id bigint generated always as identity primary key,
      email text not null,
      ip text not null,
      succeeded boolean not null,
      created_at timestamptz not null default now()
    );
    create index sign_in_attempts_email_idx on sign_in_attempts (email, created_at desc);
    create index sign_in_attempts_ip_idx on sign_in_attempts (ip, created_at desc);

    create table dev_mailbox (
      id bigint generated always as identity primary key,
      organization_id uuid references organizations (id) on delete set null,
      channel text not null check (channel in ('email', 'sms')),
      recipient text not null,
      subject text,
      body text not null,
      created_at timestamptz not null default now()
    );
    create index dev_mailbox_recipient_idx on dev_mailbox (recipient, id desc);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists dev_mailbox, sign_in_attempts, sessions, audit_log, notification_deliveries,
      notifications, user_settings, templates, attachments, board_comments, board_posts, mentions,
      message_revisions, messages, conversation_participants, conversations, maintenance_requests,
      invitations, connections, lease_residents, leases, units, properties, users, organizations cascade;
  `.execute(db);
}
