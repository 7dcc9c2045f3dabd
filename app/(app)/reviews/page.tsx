import { ReviewQueue } from "./ReviewQueue";

export default function ReviewsPage() {
  return <ReviewQueue />;
}
