// The symbol tests' reference: milsymbol called directly (not through Bulwark's helper), each SIDC's
// SVG written to DIR/<index>.svg, for rsvg-convert to rasterize on its own.
//   node reference.js DIR SIZE SIDC...
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ms = require(path.join(process.env.BULWARK_SYMBOLS, "node_modules", "milsymbol"));
ms.setStandard("APP6"); // as Bulwark draws: NATO's APP-6
const [dir, size, ...codes] = process.argv.slice(2);
codes.forEach((code, i) => fs.writeFileSync(path.join(dir, i + ".svg"), new ms.Symbol(code, { size: Number(size) }).asSVG()));
