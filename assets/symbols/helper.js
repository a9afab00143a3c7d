#!/usr/bin/env node
// Bulwark's symbol helper: a long-lived process that draws APP-6 / MIL-STD-2525 symbols with milsymbol
// and names their entities from stanag-app6, speaking line-delimited JSON on stdin/stdout.
//
//   request:  {"symbols": [{"sidc": "10031000001211000000", "size": 48, "svg": true,
//                            "amplifiers": {"uniqueDesignation": "1", ...}, "readable": false}, ...]}
//   answer:   {"symbols": [{"svg": "<svg...>", "width": 63.2, "height": 43.2, "anchor": [x, y],
//                            "icon": true, "dimension": "Ground", "entity": ["Movement and Manoeuvre",
//                            "Infantry", ""], "modifier1": "", "modifier2": ""}, ...]}
//   request:  {"graphics": [{"sidc": "10032500001402000000", "points": [[lon, lat], ...], "scale": 2000000,
//                             "modifiers": {"T_UNIQUE_DESIGNATION_1": "A", "X_ALTITUDE_DEPTH": "0,15000"},
//                             "attributes": {"ALTITUDEUNITS": "1,M"}}, ...]}
//   answer:   {"graphics": [{"known": true, "name": "Line of Contact", "geometry": "Line", "minPoints": 2,
//                             "lines": [{"color": "#FF0000", "width": 3, "points": [[lon, lat], ...]}],
//                             "labels": [{"text": "LC", "at": [lon, lat], "align": "right", "offset": [-6, 0],
//                                         "color": "#000000", "halo": "#FFFFFF"}]}, ...]}
//             multipoint tactical graphics (control measures: lines, areas) drawn by the US Army's mil-sym-ts
//             (mil-sym-ts-web, Apache-2.0) as lon/lat geometry; without "points" only what the library knows
//             of the code. mil-sym-ts loads on the first such request (~0.4 s), not at start.
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
    if (request.readable) {
        // Text over a globe of any colour: the amplifiers on a white plate.
        options.infoBackground = "rgb(255,255,255)";
        options.infoBackgroundFrame = "rgb(255,255,255)";
    }
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

//! mil-sym-ts, an ES module: imported on the first graphics request.
let milSymTs = null;
async function tacticalRenderer() {
    if (!milSymTs) milSymTs = await import("@armyc2.c5isr.renderer/mil-sym-ts-web");
    return milSymTs;
}

function stringMap(object) {
    const map = new Map();
    for (const [k, v] of Object.entries(object || {})) if (typeof v === "string" || typeof v === "number") map.set(k, String(v));
    return map;
}

//! One multipoint graphic: what the library knows of its code and, given points, its lines and labels.
function graphic(R, request) {
    const sidc = String(request.sidc || "");
    const info = /^\d{20,30}$/.test(sidc) ? R.MSLookup.getInstance().getMSLInfo(sidc) : null;
    const out = { known: !!info, name: info ? info.getName() : "", geometry: info ? info.getGeometry() : "" };
    if (info) out.minPoints = info.getMinPointCount();
    const points = Array.isArray(request.points) ? request.points : [];
    if (!info || points.length === 0) return out;
    const controlPoints = points.map((p) => Number(p[0]).toFixed(8) + "," + Number(p[1]).toFixed(8)).join(" ");
    const attributes = stringMap(request.attributes);
    // Planned graphics come dashed as the library cuts them, on the ground at `scale`: not one line and a pattern.
    attributes.set(R.MilStdAttributes.UseDashArray, "false");
    attributes.set(R.MilStdAttributes.HideOptionalLabels, "true");
    const scale = Number(request.scale) > 0 ? Number(request.scale) : 2e6;
    const text = R.WebRenderer.RenderSymbol("g", "", "", sidc, controlPoints, "clampToGround", scale, "",
        stringMap(request.modifiers), attributes, R.WebRenderer.OUTPUT_FORMAT_GEOJSON);
    let json;
    try {
        json = JSON.parse(text);
    } catch (e) {
        return Object.assign(out, { error: "mil-sym-ts: " + String(text).slice(0, 160) });
    }
    out.lines = [];
    out.labels = [];
    for (const f of json.features || []) {
        const g = f.geometry || {}, p = f.properties || {};
        if (g.type === "MultiLineString" || g.type === "LineString")
            for (const line of g.type === "LineString" ? [g.coordinates] : g.coordinates || [])
                out.lines.push({
                    color: p.strokeColor || "#000000",
                    width: Number(p.strokeWidth) || 3,
                    points: line,
                });
        // A label with an empty value ("TIME FROM: ") is the field's name alone: left out.
        else if (g.type === "Point" && typeof p.label === "string" && p.label.trim() && !/:\s*$/.test(p.label)) {
            // Placed as the library places it on a map: at the anchor, moved by pixels, so a stack of
            // labels stays legible at any distance.
            const anchor = p.anchorPoint && p.anchorPoint.coordinates ? p.anchorPoint.coordinates : g.coordinates;
            out.labels.push({
                text: p.label,
                at: anchor,
                align: p.labelAlign || "center",
                offset: [Number(p.anchorOffsetX) || 0, Number(p.anchorOffsetY) || 0],
                angle: Number(p.angle) || 0,
                color: p.fontColor || "#000000",
                halo: p.labelOutlineColor || "#FFFFFF",
            });
        }
    }
    return out;
}

async function answerGraphics(requests) {
    let R;
    try {
        R = await tacticalRenderer();
    } catch (e) {
        return { error: "mil-sym-ts is not installed: " + e.message };
    }
    return {
        graphics: requests.map((r) => {
            try {
                return graphic(R, r);
            } catch (e) {
                return { error: "mil-sym-ts failed: " + e.message };
            }
        }),
    };
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
    if (Array.isArray(request.graphics)) return answerGraphics(request.graphics);
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
// Answers are written in the order of their requests, also when one (graphics) waits for an import.
let queue = Promise.resolve();
input.on("line", (line) => {
    queue = queue
        .then(() => answer(line))
        .then((out) => {
            if (out) process.stdout.write(JSON.stringify(out) + "\n");
        });
});
