// CAMEO facts the dashboard shows: root code names and QuadClass names.

// rootNames names the twenty CAMEO root codes.
export const rootNames = {
  "01": "Make public statement",
  "02": "Appeal",
  "03": "Express intent to cooperate",
  "04": "Consult",
  "05": "Engage in diplomatic cooperation",
  "06": "Engage in material cooperation",
  "07": "Provide aid",
  "08": "Yield",
  "09": "Investigate",
  "10": "Demand",
  "11": "Disapprove",
  "12": "Reject",
  "13": "Threaten",
  "14": "Protest",
  "15": "Exhibit force posture",
  "16": "Reduce relations",
  "17": "Coerce",
  "18": "Assault",
  "19": "Fight",
  "20": "Use unconventional mass violence",
};

// quadNames names GDELT's four QuadClasses.
export const quadNames = {
  1: "Verbal cooperation",
  2: "Material cooperation",
  3: "Verbal conflict",
  4: "Material conflict",
};

// relations are the kinds of interaction an actor page groups counterparts by.
export const relations = [
  { key: "meet", label: "Meets and consults", test: (e) => e.root === "04" },
  { key: "cooperate", label: "Cooperates with, aids", test: (e) => ["03", "05", "06", "07", "08"].includes(e.root) },
  { key: "accuse", label: "Accuses, criticises, demands", test: (e) => ["10", "11", "12", "13", "14"].includes(e.root) },
  { key: "attack", label: "Coerces, attacks, fights", test: (e) => ["15", "16", "17", "18", "19", "20"].includes(e.root) },
];

// rootLabel is "04 Consult" for a root code.
export function rootLabel(root) {
  const r = String(root || "");
  return rootNames[r] ? r + " " + rootNames[r] : r;
}
