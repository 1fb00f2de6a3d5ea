import type { RouterOutputs } from "@hearth/api";
import { capitalized } from "@hearth/policies";
import { useDateStyle } from "../dates/date-style";
import { calendarDate } from "./format";
import { usePolicy } from "./viewer";

type Person = NonNullable<RouterOutputs["conversations"]["get"]["details"]>[number];

const kindNames: Record<string, string> = {
  manager: "Team",
  service_pro: "Service pro",
  owner: "Owner",
};
const statusStyles: Record<string, string> = {
  active: "bg-green-100 text-green-800",
  future: "bg-amber-100 text-amber-800",
  expired: "bg-slate-200 text-slate-700",
};

/** Tenant info / group details: each person's property, unit and lease term (seed 004). */
export function ParticipantDetails({ people, onClose }: { people: Person[]; onClose: () => void }) {
  const { vocabulary } = usePolicy();
  const dates = useDateStyle("UTC");
  const kindName = (kind: string) =>
    kind === "resident" ? capitalized(vocabulary.resident.one) : kindNames[kind];
  return (
    <aside
      data-side-panel
      className="absolute inset-0 z-10 overflow-y-auto bg-white p-4 md:inset-y-0 md:left-auto md:w-72 md:border-l md:border-slate-200 md:shadow-xl xl:static xl:shrink-0 xl:shadow-none"
      aria-label="Details"
    >
      <div className="mb-3 flex items-center justify-between">
        <h3 className="font-semibold text-slate-900">
          {people.length > 1 ? "Group details" : vocabulary.personInfo}
        </h3>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
        >
          Close
        </button>
      </div>
      <ul className="space-y-4">
        {people.map((person) => (
          <li key={person.id} className="text-sm">
            <p className="font-medium text-slate-900">{person.name}</p>
            <p className="text-xs text-slate-500">
              {kindName(person.kind) ?? person.kind} · {person.email}
            </p>
            {person.leases.length ? (
              <ul className="mt-1 space-y-1">
                {person.leases.map((lease) => (
                  <li
                    key={`${lease.propertyName}-${lease.unitName}-${lease.startsOn}`}
                    className="rounded bg-slate-50 px-2 py-1 text-xs text-slate-700"
                  >
                    {lease.propertyName}, unit {lease.unitName}
                    <br />
                    {calendarDate(lease.startsOn, dates)} –{" "}
                    {lease.endsOn ? calendarDate(lease.endsOn, dates) : "open-ended"}{" "}
                    <span className={`ml-1 rounded px-1 ${statusStyles[lease.status] ?? ""}`}>
                      {lease.status}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
