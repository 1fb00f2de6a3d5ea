/** The attribute set on <html> once React has hydrated the page; browser tests wait for it. */
export const HYDRATED_ATTRIBUTE = "data-hydrated";
