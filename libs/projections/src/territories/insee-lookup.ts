interface CommuneRecord {
  code: string;
  nom: string;
  departement?: string;
  type: string;
  codesPostaux?: string[];
}
interface DepartementRecord {
  code: string;
  nom: string;
}

export interface Commune {
  readonly code: string;
  readonly name: string;
  readonly departement: string;
  readonly postalCodes: readonly string[];
}

/**
 * INSEE codes from @etalab/decoupage-administratif: current communes and the municipal
 * arrondissements of Paris, Lyon and Marseille (venues there are registered by arrondissement).
 * Loaded on first use and shared by every instance: the commune file is 8 MB.
 */
export class InseeLookup {
  commune(code: string): Commune | undefined {
    communes ??= loadCommunes();
    return communes.get(code);
  }

  departementName(code: string): string | undefined {
    departements ??= loadDepartements();
    return departements.get(code);
  }
}

let communes: Map<string, Commune> | undefined;
let departements: Map<string, string> | undefined;

function loadCommunes(): Map<string, Commune> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const records: CommuneRecord[] = require('@etalab/decoupage-administratif/data/communes.json');
  const communes = new Map<string, Commune>();
  for (const record of records) {
    if (record.type !== 'commune-actuelle' && record.type !== 'arrondissement-municipal') continue;
    if (!record.departement) continue;
    communes.set(record.code, {
      code: record.code,
      name: record.nom,
      departement: record.departement,
      postalCodes: record.codesPostaux ?? [],
    });
  }
  return communes;
}

function loadDepartements(): Map<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const records: DepartementRecord[] = require('@etalab/decoupage-administratif/data/departements.json');
  return new Map(records.map((record) => [record.code, record.nom]));
}
