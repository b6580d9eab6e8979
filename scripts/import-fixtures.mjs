// Rewrites the import corpus of tests/fixtures/import/ from valid-v1.json
// (see the README there): each bad file breaks exactly one thing.
import { readFileSync, writeFileSync } from "node:fs";

const dir = new URL("../tests/fixtures/import/", import.meta.url);
const validText = readFileSync(new URL("valid-v1.json", dir), "utf8");
const valid = () => JSON.parse(validText);
// The same layout as Certlink's export: one row a line.
const pretty = (doc) =>
  JSON.stringify(doc, null, 2).replace(/\[\s+([^\[\]{}]*?)\s+\]/g, (_, cells) => `[${cells.split(/,\s+/).join(", ")}]`) + "\n";
const write = (name, content) => writeFileSync(new URL(name, dir), content);
const edit = (name, change) => {
  const doc = valid();
  change(doc);
  write(name, pretty(doc));
};
const row = (table, id) => table.find((r) => r[0] === id);

write("empty.json", "");
// Deterministic "random" bytes, so the file does not change on each run.
write("binary.json", Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 151 + 7) % 256)));
write("truncated.json", validText.slice(0, Math.floor(validText.length / 2)));
write("malformed.json", '{"app": "certlink", schema: 1, }\n');
write("other-app.json", pretty({ todos: [{ title: "Buy milk", completed: false }], version: 3 }));
edit("wrong-schema.json", (d) => (d.schema = "one"));
edit("future-version.json", (d) => (d.schema = 99));
edit("missing-scenario.json", (d) => delete d.scenario);
edit("plain-password.json", (d) => (row(d.scenario.initial.accounts, "priya@contoso.com")[5] = "Partner#2026"));
edit("duplicate-account.json", (d) => d.scenario.initial.accounts.push(row(d.scenario.initial.accounts, "leo@contoso.com")));
edit("dangling-reference.json", (d) => (row(d.scenario.initial.accounts, "adam@contoso.com")[2] = "0000000"));
edit("out-of-order.json", (d) => (d.scenario.trail.at(-1)[0] = "2020-01-01T00:00:00Z"));
edit("script-tag-name.json", (d) => (row(d.scenario.initial.accounts, "priya@contoso.com")[1] = "<script>alert(1)</script>Priya"));
// Not refused either: a name a spreadsheet would run as formulas (the CSV's test).
edit("formula-name.json", (d) => (row(d.scenario.initial.accounts, "leo@contoso.com")[1] = "Leo;=1+1;@SUM(A1)"));
edit("cool-off-out-of-range.json", (d) => (d.scenario.initial.limits[1] = 4000000000));
edit("year-10000.json", (d) => (d.scenario.trail.at(-1)[0] = "10000-01-01T00:00:00Z"));
const at = "2026-11-27T09:00:00Z";
edit("two-org-mcid.json", (d) =>
  d.scenario.trail.push([at, "mia@fabrikam.com", "McidLinked", "985006789", "mia@fabrikam.com", "7654321", "McidCredentials"]),
);
// Mia's Contoso account holds the MCID, but the link names Fabrikam.
edit("link-names-other-org.json", (d) => {
  const link = d.scenario.trail.find((r) => r[1] === "mia@contoso.com" && r[2] === "McidLinked");
  link[5] = "7654321";
});
edit("limit-exceeded.json", (d) =>
  d.scenario.trail.push([at, "lena@contoso.com", "McidLinked", "985004567", "lena@contoso.com", "1234567", "McidCredentials"]),
);
