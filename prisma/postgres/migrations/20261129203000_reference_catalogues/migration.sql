-- Reference catalogues that are part of the product, not of the demo (issue #13):
-- the national certificate negative list (民发〔2020〕20号), the general outside
-- signboards (national default under the standard of each province) and the areas villages
-- must not be the responsible subject of. Later versions are new migrations, and the rows stay editable.
INSERT INTO "CatalogueItem" ("id", "catalogue", "itemKey", "version", "regionCode", "name", "details", "validFrom") VALUES
  ('ref-cert-2020-01', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::1', 1, '', '亲属关系证明', '{"no": 1, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-02', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::2', 1, '', '居民身份信息证明', '{"no": 2, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-03', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::3', 1, '', '户口登记项目内容变更申请证明', '{"no": 3, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-04', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::4', 1, '', '居民养犬证明', '{"no": 4, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-05', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::5', 1, '', '无犯罪记录证明', '{"no": 5, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-06', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::6', 1, '', '社区戒毒社区康复人员情况证明(表现证明)', '{"no": 6, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-07', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::7', 1, '', '人员失踪证明', '{"no": 7, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-08', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::8', 1, '', '婚姻状况证明', '{"no": 8, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-09', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::9', 1, '', '出生证明', '{"no": 9, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-10', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::10', 1, '', '健在证明', '{"no": 10, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-11', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::11', 1, '', '死亡证明', '{"no": 11, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-12', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::12', 1, '', '疾病状况证明', '{"no": 12, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-13', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::13', 1, '', '残疾状况证明', '{"no": 13, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-14', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::14', 1, '', '婚育状况证明', '{"no": 14, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-15', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::15', 1, '', '居民就业状况证明', '{"no": 15, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-16', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::16', 1, '', '居民个人档案证明', '{"no": 16, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-17', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::17', 1, '', '居民财产证明', '{"no": 17, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-18', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::18', 1, '', '遗产继承权证明', '{"no": 18, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-19', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::19', 1, '', '市场主体住所证明', '{"no": 19, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-cert-2020-20', 'CERTIFICATE_NEGATIVE', 'CERTIFICATE_NEGATIVE::20', 1, '', '证件遗失证明', '{"no": 20, "source": "民发〔2020〕20号清单"}'::jsonb, '2020-03-01 00:00:00'),
  ('ref-sign-2022-01', 'SIGNBOARD_STANDARD', 'SIGNBOARD_STANDARD::村党组织', 1, '', '村党组织', '{"source": "《关于规范村级组织工作事务、机制牌子和证明事项的意见》（2022）第6条"}'::jsonb, '2022-08-01 00:00:00'),
  ('ref-sign-2022-02', 'SIGNBOARD_STANDARD', 'SIGNBOARD_STANDARD::村民委员会', 1, '', '村民委员会', '{"source": "《关于规范村级组织工作事务、机制牌子和证明事项的意见》（2022）第6条"}'::jsonb, '2022-08-01 00:00:00'),
  ('ref-sign-2022-03', 'SIGNBOARD_STANDARD', 'SIGNBOARD_STANDARD::村集体经济组织', 1, '', '村集体经济组织', '{"source": "《关于规范村级组织工作事务、机制牌子和证明事项的意见》（2022）第6条"}'::jsonb, '2022-08-01 00:00:00'),
  ('ref-sign-2022-04', 'SIGNBOARD_STANDARD', 'SIGNBOARD_STANDARD::村务监督委员会', 1, '', '村务监督委员会', '{"source": "《关于规范村级组织工作事务、机制牌子和证明事项的意见》（2022）第6条"}'::jsonb, '2022-08-01 00:00:00'),
  ('ref-sign-2022-05', 'SIGNBOARD_STANDARD', 'SIGNBOARD_STANDARD::村党群服务中心', 1, '', '村党群服务中心', '{"source": "《关于规范村级组织工作事务、机制牌子和证明事项的意见》（2022）第6条"}'::jsonb, '2022-08-01 00:00:00'),
  ('ref-sign-2022-06', 'SIGNBOARD_STANDARD', 'SIGNBOARD_STANDARD::村新时代文明实践站', 1, '', '村新时代文明实践站', '{"source": "《关于规范村级组织工作事务、机制牌子和证明事项的意见》（2022）第6条"}'::jsonb, '2022-08-01 00:00:00'),
  ('ref-task-2022-01', 'TASK_FORBIDDEN', 'TASK_FORBIDDEN::行政执法', 1, '', '行政执法', '{"synonyms": "行政执法、执法、综合执法、环保执法、城管执法、联合执法、行政处罚、处罚、罚款、查处、执法检查", "source": "《意见》第1条"}'::jsonb, '2022-08-01 00:00:00'),
  ('ref-task-2022-02', 'TASK_FORBIDDEN', 'TASK_FORBIDDEN::拆迁拆违', 1, '', '拆迁拆违', '{"synonyms": "拆迁拆违、拆迁、拆违、征地拆迁、房屋征收、征收、拆除违建、违建拆除、拆除违法建筑、控违拆违、拆违控违、违章建筑拆除、强拆", "source": "《意见》第1条"}'::jsonb, '2022-08-01 00:00:00'),
  ('ref-task-2022-03', 'TASK_FORBIDDEN', 'TASK_FORBIDDEN::招商引资', 1, '', '招商引资', '{"synonyms": "招商引资、招商、引资、引进项目、项目引进", "source": "《意见》第1条"}'::jsonb, '2022-08-01 00:00:00'),
  ('ref-task-2022-04', 'TASK_FORBIDDEN', 'TASK_FORBIDDEN::安全生产', 1, '', '安全生产', '{"synonyms": "安全生产、生产安全、安全监管、安全生产监管、安全生产责任", "source": "《意见》第1条"}'::jsonb, '2022-08-01 00:00:00')
ON CONFLICT DO NOTHING;
