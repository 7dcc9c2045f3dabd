import { z } from "zod";

// Validation messages in Chinese for every schema, server and client alike.
z.config(z.locales.zhCN());
