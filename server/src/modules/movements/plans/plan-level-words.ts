/**
 * The words of each level of local government, for copying a higher level's plan to a lower one:
 * a province has sở, ban, ngành and districts (before 1/7/2025) or communes under it; a district has
 * phòng, ban, ngành and communes (xã, thị trấn); a commune has phòng, ban and đoàn thể, and thôn,
 * bản, tổ dân phố under it. "Các sở, ban, ngành, đoàn thể tỉnh" becomes "Các phòng, ban, đoàn thể xã",
 * not "các sở, ban, ngành, đoàn thể xã"; "UBND các huyện, thành phố" becomes "các thôn, bản, tổ dân phố".
 */

/** A level of local government. */
export type AdminLevel = 'province' | 'district' | 'commune';

/** A unit as the localiser sees it: its names and, when known, its kind (units.kind). */
export interface LevelUnit {
  name: string;
  kind?: string | null | undefined;
}

/** Cities run by the centre (thành phố trực thuộc trung ương): provinces, not districts. */
const centralCities = ['hà nội', 'hồ chí minh', 'hải phòng', 'đà nẵng', 'cần thơ', 'huế'];

/**
 * The level of a local government unit, from its kind or else from its name ("Ủy ban nhân dân huyện
 * Tam Đường" → district); null for a unit that is not a people's committee (a sở, a đoàn thể …),
 * whose plan keeps the words it copies.
 */
export function adminLevelOf(unit: LevelUnit): AdminLevel | null {
  if (unit.kind === 'province' || unit.kind === 'district' || unit.kind === 'commune') return unit.kind;
  if (unit.kind && unit.kind !== 'other') return null;
  const name = unit.name.normalize('NFC').trim().toLowerCase().replace(/\s+/gu, ' ');
  const match =
    /^(?:ủy|uỷ) ban nhân dân (tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+(.+)$/u.exec(
      name,
    );
  if (!match?.[1]) return null;
  switch (match[1]) {
    case 'tỉnh':
      return 'province';
    case 'thành phố':
      return centralCities.some((city) => match[2]?.startsWith(city)) ? 'province' : 'district';
    case 'huyện':
    case 'quận':
    case 'thị xã':
      return 'district';
    default:
      return 'commune';
  }
}

const rank: Record<AdminLevel, number> = { province: 0, district: 1, commune: 2 };
const notLetter = '(?<![\\p{L}\\p{N}])';
const notLetterAfter = '(?![\\p{L}\\p{N}])';

/** "UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân" as plans write them. */
const committee = '(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|ỦY BAN NHÂN DÂN)';
/** The units under a province as a plan lists them: "các huyện, thành phố", "các xã, phường, đặc khu". */
const underProvince =
  '(?:huyện(?:\\s*,\\s*(?:thị xã|thành phố|quận|huyện))*|xã\\s*,\\s*phường(?:\\s*,\\s*(?:đặc khu|thị trấn))*)';
/** The units under a district: "các xã, thị trấn", "các xã, phường, thị trấn". */
const underDistrict = '(?:xã(?:\\s*,\\s*(?:phường|thị trấn))+|xã)';
/** The units under each level, as the lower plan writes them. */
const subordinates: Record<'district' | 'commune', string> = {
  district: 'các xã, thị trấn',
  commune: 'các thôn, bản, tổ dân phố',
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Text replacements from the words of the higher level to those of the lower one, applied before the
 * names are replaced; none when either unit is not a people's committee or the levels are the same.
 */
export function levelWordPairs(from: LevelUnit, to: LevelUnit): [RegExp, string][] {
  const source = adminLevelOf(from);
  const target = adminLevelOf(to);
  if (!source || !target || target === 'province' || rank[target] <= rank[source]) return [];
  const under = source === 'province' ? underProvince : underDistrict;
  const lower = subordinates[target];
  const pairs: [RegExp, string][] = [];
  // The heads of the subordinate units: "Chủ tịch UBND các huyện, thành phố".
  const heads = target === 'commune' ? 'Trưởng các thôn, bản, tổ dân phố' : `Chủ tịch UBND ${lower}`;
  pairs.push([
    new RegExp(`${notLetter}Chủ tịch\\s+${committee}\\s+các\\s+${under}${notLetterAfter}`, 'gu'),
    heads,
  ]);
  // The subordinate units' committees: "UBND các huyện, thành phố".
  const committees = target === 'commune' ? lower : `UBND ${lower}`;
  pairs.push([new RegExp(`${notLetter}${committee}\\s+các\\s+${under}${notLetterAfter}`, 'gu'), committees]);
  // The subordinate units themselves: "các huyện, thành phố", "Các huyện, thành phố".
  if (source === 'province' || target === 'commune') {
    pairs.push([new RegExp(`${notLetter}các\\s+${under}${notLetterAfter}`, 'gu'), lower]);
    pairs.push([new RegExp(`${notLetter}Các\\s+${under}${notLetterAfter}`, 'gu'), capitalise(lower)]);
  }
  // The level's agencies: a sở of a province is a phòng of a district or a commune.
  if (source === 'province') {
    pairs.push([new RegExp(`${notLetter}sở(?=\\s*,\\s*(?:ban|ngành)${notLetterAfter})`, 'gu'), 'phòng']);
    pairs.push([new RegExp(`${notLetter}Sở(?=\\s*,\\s*(?:ban|ngành)${notLetterAfter})`, 'gu'), 'Phòng']);
    pairs.push([new RegExp(`${notLetter}SỞ(?=\\s*,\\s*(?:BAN|NGÀNH)${notLetterAfter})`, 'gu'), 'PHÒNG']);
  }
  // A commune has no ngành: "phòng, ban, ngành" → "phòng, ban".
  if (target === 'commune') {
    pairs.push([
      new RegExp(`${notLetter}(phòng|Phòng)\\s*,\\s*ban\\s*,\\s*ngành${notLetterAfter}`, 'gu'),
      '$1, ban',
    ]);
    pairs.push([
      new RegExp(`${notLetter}PHÒNG\\s*,\\s*BAN\\s*,\\s*NGÀNH${notLetterAfter}`, 'gu'),
      'PHÒNG, BAN',
    ]);
  }
  return pairs;
}
