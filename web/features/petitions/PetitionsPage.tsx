import { useParams } from 'react-router-dom';
import { IntakePage } from './IntakePage.tsx';
import { PetitionList } from './PetitionList.tsx';
import { PetitionPage } from './PetitionPage.tsx';
import { INTAKE_PATH, PETITIONS_PATH } from './petitions.api.ts';
import './petitions.css';

const INTAKE = INTAKE_PATH.slice(PETITIONS_PATH.length + 1);

/** "Đơn thư": the list (/don-thu), the intake form (/don-thu/tiep-nhan) or one case (/don-thu/:id). */
export function PetitionsPage() {
  const { id } = useParams();
  if (!id) return <PetitionList />;
  if (id === INTAKE) return <IntakePage />;
  return <PetitionPage key={id} id={id} />;
}
