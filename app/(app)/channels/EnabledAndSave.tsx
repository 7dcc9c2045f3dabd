import { Button, Form, Switch } from "antd";

/** How both channel drawers end: the 启用 switch, then the submit button that shows the save under way. */
export function EnabledAndSave({ pending, testId }: { pending: boolean; testId: string }) {
  return (
    <>
      <Form.Item label="启用" name="enabled" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} data-testid={testId}>
        保存
      </Button>
    </>
  );
}
