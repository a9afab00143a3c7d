#!/usr/bin/env node
// Bulwark's symbol helper: a long-lived process that draws APP-6 / MIL-STD-2525 symbols with milsymbol
// and names their entities from stanag-app6, speaking line-delimited JSON on stdin/stdout.
//
//   request:  {"symbols": [{"sidc": "10031000001211000000", "size": 48, "svg": true,
//                            "amplifiers": {"uniqueDesignation": "1", ...}}, ...]}
//   answer:   {"symbols": [{"svg": "<svg...>", "width": 63.2, "height": 43.2, "anchor": [x, y],
//                            "icon": true, "dimension": "Ground", "entity": ["Movement and Manoeuvre",
//                            "Infantry", ""], "modifier1": "", "modifier2": ""}, ...]}
//   {"hello": true} is answered with {"milsymbol": "3.0.4", "standard": "APP6"}.
// One answer line per request line, in order; a request that cannot be read is answered {"error": "..."}.
// The helper exits when its stdin closes (Bulwark quits or drops it).
"use strict";

const readline = require("node:readline");
const ms = require("milsymbol");
const app6 = require("stanag-app6");

const kStandard = "APP6";
ms.setStandard(kStandard);

//! Amplifier options milsymbol draws as text, as Bulwark's scenario properties name them.
const kAmplifiers = [
    "uniqueDesignation",
    "higherFormation",
    "staffComments",
    "additionalInformation",
    "country",
    "quantity",
    "reinforcedReduced",
];

//! Entity names by symbol set and code (APP-6D numeric codes).
const numericEntities = new Map();
const numericModifiers = new Map();
for (const [set, table] of Object.entries(app6.app6d)) {
    for (const e of table.mainIcon || [])
        numericEntities.set(set + e.Code, [e.Entity || "", e["Entity Type"] || "", e["Entity Subtype"] || ""]);
    for (const m of table.modifier1 || []) numericModifiers.set(set + "1" + m.Code, m["First Modifier"] || "");
    for (const m of table.modifier2 || []) numericModifiers.set(set + "2" + m.Code, m["Second Modifier"] || "");
}

//! Entity names of letter codes (APP-6B), by battle dimension and function id: the last two levels.
const letterEntities = new Map();
function collectLetters(node) {
    if (Array.isArray(node)) {
        for (const e of node)
            if (e && e.functionid !== undefined && e.battledimension) {
                const names = (e.names || []).filter((n) => n);
                letterEntities.set(e.codingscheme + e.battledimension + e.functionid, [
                    names.length > 1 ? names[names.length - 2] : "",
                    names.length > 0 ? names[names.length - 1] : e.name || "",
                    "",
                ]);
            }
        return;
    }
    if (node && typeof node === "object") for (const v of Object.values(node)) collectLetters(v);
}
collectLetters(app6.app6b);

function titleCase(text) {
    return text.replace(/\w\S*/g, (w) => w.charAt(0) + w.slice(1).toLowerCase());
}

function names(sidc) {
    if (/^\d{20}$/.test(sidc)) {
        const set = sidc.substr(4, 2);
        return {
            entity: numericEntities.get(set + sidc.substr(10, 6)) || null,
            modifier1: sidc.substr(16, 2) === "00" ? "" : numericModifiers.get(set + "1" + sidc.substr(16, 2)) || null,
            modifier2: sidc.substr(18, 2) === "00" ? "" : numericModifiers.get(set + "2" + sidc.substr(18, 2)) || null,
        };
    }
    if (sidc.length === 15) {
        const key = sidc[0].toUpperCase() + sidc[2].toUpperCase() + sidc.substr(4, 6).toUpperCase();
        const found = letterEntities.get(key);
        return { entity: found ? found.map(titleCase) : null, modifier1: "", modifier2: "" };
    }
    return { entity: null, modifier1: null, modifier2: null };
}

function draw(request) {
    const sidc = String(request.sidc || "");
    const options = { size: Number(request.size) > 0 ? Number(request.size) : 100 };
    const amplifiers = request.amplifiers || {};
    for (const key of kAmplifiers) if (typeof amplifiers[key] === "string") options[key] = amplifiers[key];
    const symbol = new ms.Symbol(sidc, options);
    const valid = symbol.isValid(true);
    const size = symbol.getSize();
    const anchor = symbol.getAnchor();
    const out = Object.assign(
        {
            width: size.width,
            height: size.height,
            anchor: [anchor.x, anchor.y],
            icon: !!valid.icon,
            dimension: valid.dimension,
            affiliation: valid.affiliation,
        },
        names(sidc)
    );
    if (request.svg) out.svg = symbol.asSVG();
    return out;
}

function answer(line) {
    if (!line.trim()) return null;
    let request;
    try {
        request = JSON.parse(line);
    } catch (e) {
        return { error: "not JSON: " + e.message };
    }
    if (request.hello) return { milsymbol: ms.getVersion(), standard: kStandard };
    if (!Array.isArray(request.symbols)) return { error: "expected {\"symbols\": [...]}" };
    return {
        symbols: request.symbols.map((r) => {
            try {
                return draw(r);
            } catch (e) {
                return { error: "milsymbol failed: " + e.message };
            }
        }),
    };
}

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on("line", (line) => {
    const out = answer(line);
    if (out) process.stdout.write(JSON.stringify(out) + "\n");
});
