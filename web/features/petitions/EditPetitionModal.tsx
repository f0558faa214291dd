import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Form, Modal, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { SavingForm, useFormSave } from '../../ui/SavingForm.tsx';
import { searchKey, searchUnits } from '../units/units.api.ts';
import { PlaceUnitField, ProjectField, SummaryContentFields } from './PetitionFields.tsx';
import {
  petitionKey,
  PETITIONS_KEY,
  updatePetition,
  type PetitionChanges,
  type PetitionDetail,
} from './petitions.api.ts';

type Values = { summary: string; content: string; addressUnitCode?: string | null; projectId?: string | null };

const FIELDS = ['summary', 'content', 'addressUnitCode', 'projectId'] as const;

/** "Sửa" on a case's page: what was taken in (summary, content, the place, the key project), for an account that acts
 * on the case while it is still being handled (the server's rule: updatePetition). Its kind, eligibility and
 * competence are set by "Phân loại", its petitioners by the intake. */
export function EditPetitionButton({ detail }: { detail: PetitionDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const title = t('petitionEdit.title');
  return (
    <>
      <Button icon={<EditOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('common.edit')}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={() => setOpen(false)}
        footer={null}
        width={720}
        destroyOnHidden
        mask={{ closable: false }}
      >
        {/* Kept while the dialog fades out (destroyOnHidden removes it after), so it does not empty as it closes. */}
        <EditPetitionForm detail={detail} title={title} onClose={() => setOpen(false)} />
      </Modal>
    </>
  );
}

/** The case's place comes as a unit's id and name; the form (and the API) name a unit by its code, found here by
 * searching today's units for that name. Null when the case has no place, or the unit is not found today. */
function usePlaceCode(unit: PetitionDetail['addressUnit'], asOf: string) {
  const name = unit?.name ?? '';
  const search = useQuery({
    queryKey: searchKey(asOf, name),
    queryFn: ({ signal }) => searchUnits(asOf, name, signal),
    enabled: name !== '',
    staleTime: 60_000,
  });
  const code = unit ? (search.data?.find((h) => h.id === unit.id)?.code ?? null) : null;
  return { pending: name !== '' && search.isPending, code };
}

function EditPetitionForm({ detail, title, onClose }: { detail: PetitionDetail; title: string; onClose: () => void }) {
  const asOf = todayInVietnam().format('YYYY-MM-DD');
  const place = usePlaceCode(detail.addressUnit, asOf);
  if (place.pending) return <Skeleton active paragraph={{ rows: 6 }} />;
  return <EditFields detail={detail} title={title} placeCode={place.code} asOf={asOf} onClose={onClose} />;
}

/** Only what changed is sent, so the case's timeline names the fields that were edited. */
function changesOf(before: Values, v: Values): Omit<PetitionChanges, 'version'> | null {
  const changes: Omit<PetitionChanges, 'version'> = {};
  if (v.summary.trim() !== before.summary) changes.summary = v.summary.trim();
  if (v.content.trim() !== before.content) changes.content = v.content.trim();
  if ((v.projectId ?? null) !== before.projectId) changes.projectId = v.projectId ?? null;
  if ((v.addressUnitCode ?? null) !== before.addressUnitCode) changes.addressUnitCode = v.addressUnitCode ?? null;
  return Object.keys(changes).length ? changes : null;
}

function EditFields({
  detail: d,
  title,
  placeCode,
  asOf,
  onClose,
}: {
  detail: PetitionDetail;
  title: string;
  placeCode: string | null;
  asOf: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // Once saved, Lưu keeps spinning while the dialog fades out, rather than offering itself again.
  const [saved, setSaved] = useState(false);
  const before: Values = {
    summary: d.summary,
    content: d.content,
    addressUnitCode: placeCode,
    projectId: d.project?.id ?? null,
  };
  const saving = useFormSave<Values, PetitionDetail | null>(form, {
    fields: FIELDS,
    submit: (v) => {
      const changes = changesOf(before, v);
      return changes ? updatePetition(d.id, { version: d.version, ...changes }) : Promise.resolve(null);
    },
    savedText: (saved) => (saved ? t('petitionEdit.saved') : t('petitionEdit.unchanged')),
    refresh: [PETITIONS_KEY],
    done: (answer) => {
      if (answer) queryClient.setQueryData(petitionKey(d.id), answer);
      setSaved(true);
      onClose();
    },
    reloadKey: petitionKey(d.id),
    onClose,
  });
  // A place the search did not find today (a unit since ended) stays as it is unless another is chosen.
  const placeUnseen = d.addressUnit && !placeCode ? t('petitionEdit.placeNow', { name: d.addressUnit.name }) : null;
  return (
    <SavingForm<Values> saving={saving} title={title} initialValues={before}>
      <SummaryContentFields />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <PlaceUnitField asOf={asOf} valueLabel={d.addressUnit?.name} extra={placeUnseen} />
        </Col>
        <Col xs={24} md={12}>
          <ProjectField initial={d.project} />
        </Col>
      </Row>
      <FormActions onCancel={onClose} submitting={saving.isPending || saved} />
    </SavingForm>
  );
}
