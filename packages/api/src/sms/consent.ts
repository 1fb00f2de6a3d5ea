/** A person's SMS consent: their number, per-category agreement, and a STOP from the number. */
import {
  type Database,
  type Kysely,
  type SmsCategory,
  smsCategories,
  sql,
  type Transaction,
} from "@hearth/db";

export interface SmsConsent {
  phone: string | null;
  /** When the number texted STOP; null while texts are allowed. */
  stoppedAt: Date | null;
  categories: Record<SmsCategory, boolean>;
}

type Db = Kysely<Database> | Transaction<Database>;

export async function readSmsConsent(db: Db, userId: string): Promise<SmsConsent> {
  const [settings, consents] = await Promise.all([
    db
      .selectFrom("user_settings")
      .select(["sms_phone", "sms_stopped_at"])
      .where("user_id", "=", userId)
      .executeTakeFirst(),
    db
      .selectFrom("sms_consents")
      .select(["category", "granted"])
      .where("user_id", "=", userId)
      .execute(),
  ]);
  const categories = Object.fromEntries(
    smsCategories.map((c) => [c, consents.some((row) => row.category === c && row.granted)]),
  ) as Record<SmsCategory, boolean>;
  return {
    phone: settings?.sms_phone ?? null,
    stoppedAt: settings?.sms_stopped_at ?? null,
    categories,
  };
}

/** Whether a text of `category` may go to the person now: a number, consent, and no STOP. */
export function consentAllows(consent: SmsConsent, category: SmsCategory): boolean {
  return consent.phone !== null && consent.stoppedAt === null && consent.categories[category];
}

export interface ConsentChange {
  phone: string | null;
  categories: Partial<Record<SmsCategory, boolean>>;
}

/**
 * Saves what the person chose on the settings page, with a ledger line for every category that
 * changed (and, when the number changed, for every category still agreed to on the new number).
 * The settings row is locked first, so two saves at once write the ledger in a consistent order.
 */
export async function saveSmsConsent(
  trx: Transaction<Database>,
  person: { userId: string; organizationId: string },
  change: ConsentChange,
): Promise<void> {
  await trx
    .insertInto("user_settings")
    .values({ user_id: person.userId, organization_id: person.organizationId })
    .onConflict((oc) => oc.column("user_id").doNothing())
    .execute();
  await trx
    .selectFrom("user_settings")
    .select("user_id")
    .where("user_id", "=", person.userId)
    .forUpdate()
    .execute();
  const before = await readSmsConsent(trx, person.userId);
  const phoneChanged = change.phone !== before.phone;
  if (phoneChanged) {
    await trx
      .updateTable("user_settings")
      .set({ sms_phone: change.phone, sms_stopped_at: null, updated_at: sql`now()` })
      .where("user_id", "=", person.userId)
      .execute();
  }
  const ledger: { category: SmsCategory; action: "opt_in" | "opt_out" }[] = [];
  for (const category of smsCategories) {
    const granted = change.categories[category] ?? before.categories[category];
    const wasGranted = before.categories[category];
    if (granted !== wasGranted || (phoneChanged && granted && change.phone !== null))
      ledger.push({ category, action: granted ? "opt_in" : "opt_out" });
    if (granted !== wasGranted)
      await trx
        .insertInto("sms_consents")
        .values({
          organization_id: person.organizationId,
          user_id: person.userId,
          category,
          granted,
        })
        .onConflict((oc) =>
          oc.columns(["user_id", "category"]).doUpdateSet({ granted, updated_at: sql`now()` }),
        )
        .execute();
  }
  const phone = change.phone ?? before.phone;
  if (ledger.length > 0 && phone !== null)
    await trx
      .insertInto("sms_consent_ledger")
      .values(
        ledger.map((line) => ({
          organization_id: person.organizationId,
          user_id: person.userId,
          phone,
          category: line.category,
          action: line.action,
          source: "settings" as const,
          detail: null,
        })),
      )
      .execute();
}

/** The person's ledger, newest first. */
export function consentLedger(db: Db, userId: string, limit = 20) {
  return db
    .selectFrom("sms_consent_ledger")
    .select(["id", "phone", "category", "action", "source", "detail", "created_at as at"])
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
