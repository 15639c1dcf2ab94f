import { readFileSync } from 'node:fs';
import { cleDepuisTexte } from '../../src/io/cleEnseignant';

/** The teacher's key of this test file (environnement.ts writes it; the CLI finds it through AGORA_CLE). */
export const cleDesTests = () => cleDepuisTexte(readFileSync(process.env.AGORA_CLE!, 'utf8'), process.env.AGORA_CLE!);
