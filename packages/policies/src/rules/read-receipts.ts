/** Who sees "seen by" on messages. */
import { allow, deny } from "../decision";
import type { Rule } from "../decisions";
import type { ActorInput } from "../inputs";

export const seeReadReceipts: Rule<ActorInput> = (knobs, { actor }) => {
  switch (knobs.readReceipts) {
    case "everyone":
      return allow("Everyone in a conversation sees who has read it.");
    case "managers":
      return actor.kind === "manager"
        ? allow("Managers see when their messages have been read.")
        : deny("read_receipts_hidden", "Read receipts are visible to the management only.");
    case "nobody":
      return deny("read_receipts_hidden", "Read receipts are turned off.");
  }
};
