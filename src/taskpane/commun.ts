import { ErreurExcel } from '../io/office/erreurs';
import { ErreurFichier } from '../io/erreurFichier';

/** Today as AAAA-MM-JJ, in the user's time zone. */
export const aujourdhui = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** A French message for whatever went wrong; anything unexpected says so rather than being hidden. */
export const messageErreur = (e: unknown) => (e instanceof ErreurExcel || e instanceof ErreurFichier ? e.message : `Erreur inattendue : ${(e as Error)?.message ?? String(e)}`);
