import { DeleteOutlined, EditOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Body } from './bodies.api.ts';

/** What an administrator can do to a body, from its row or its card. */
export type BodyActions = {
  edit: (body: Body) => void;
  end: (body: Body) => void;
  toggleDeleted: (body: Body) => void;
};

/** Sửa, Kết thúc, Xóa / Khôi phục for one body. */
export function BodyRowActions({ body, actions, buttons }: { body: Body; actions: BodyActions; buttons?: boolean }) {
  const { t } = useTranslation();
  const type = buttons ? 'default' : 'link';
  const size = buttons ? 'middle' : 'small';
  if (body.deleted) {
    return (
      <Button
        type={type}
        size={size}
        icon={<RollbackOutlined aria-hidden />}
        onClick={() => actions.toggleDeleted(body)}
      >
        {t('common.restore')}
      </Button>
    );
  }
  return (
    <Space size={buttons ? 8 : 0} wrap className={buttons ? 'body-actions' : 'row-actions'}>
      <Button type={type} size={size} icon={<EditOutlined aria-hidden />} onClick={() => actions.edit(body)}>
        {t('common.edit')}
      </Button>
      {body.validTo === null ? (
        <Button type={type} size={size} icon={<StopOutlined aria-hidden />} onClick={() => actions.end(body)}>
          {t('bodies.end')}
        </Button>
      ) : null}
      <Button
        type={type}
        size={size}
        danger
        icon={<DeleteOutlined aria-hidden />}
        onClick={() => actions.toggleDeleted(body)}
      >
        {t('common.delete')}
      </Button>
    </Space>
  );
}
