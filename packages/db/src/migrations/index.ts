import type { Migration } from "kysely";
import * as m0001 from "./0001_initial";
import * as m0002 from "./0002_message_search_indexes";
import * as m0003 from "./0003_event_log_outbox";
import * as m0004 from "./0004_inbox_counters";
import * as m0005 from "./0005_resident_leases";
import * as m0006 from "./0006_two_factor";
import * as m0007 from "./0007_search_outbox";
import * as m0008 from "./0008_accounts";
import * as m0009 from "./0009_board_moderation";
import * as m0010 from "./0010_maintenance_updates";
import * as m0011 from "./0011_notifications";
import * as m0012 from "./0012_scheduled_and_automatic_messages";
import * as m0013 from "./0013_attachment_owners";
import * as m0015 from "./0015_sms";
import * as m0016 from "./0016_web_push";
import * as m0017 from "./0017_customer_settings";
import * as m0018 from "./0018_announcement_pins";
import * as m0019 from "./0019_team_inbox";

/** Every migration, in order. A new migration is a new file and one line here. */
export const migrations: Record<string, Migration> = {
  "0001_initial": m0001,
  "0002_message_search_indexes": m0002,
  "0003_event_log_outbox": m0003,
  "0004_inbox_counters": m0004,
  "0005_resident_leases": m0005,
  "0006_two_factor": m0006,
  "0007_search_outbox": m0007,
  "0008_accounts": m0008,
  "0009_board_moderation": m0009,
  "0010_maintenance_updates": m0010,
  "0011_notifications": m0011,
  "0012_scheduled_and_automatic_messages": m0012,
  "0013_attachment_owners": m0013,
  "0015_sms": m0015,
  "0016_web_push": m0016,
  "0017_customer_settings": m0017,
  "0018_announcement_pins": m0018,
  "0019_team_inbox": m0019,
};
