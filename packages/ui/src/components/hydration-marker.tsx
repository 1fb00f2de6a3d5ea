import { useEffect } from "react";
import { HYDRATED_ATTRIBUTE } from "../hydration";

/** Marks the document as hydrated, so a test interacts with React's page, not the server's HTML. */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.setAttribute(HYDRATED_ATTRIBUTE, "");
  }, []);
  return null;
}
