/**
 * "Open in the lab" after an answered question's feedback. The link carries the question's sealed id and
 * where it was served; the lab opens its network on the server only once the learner has answered it there.
 */
export function OpenInLab({ questionId, from }: { questionId: string; from: string }) {
  return (
    <p>
      <a
        className="button"
        href={`/lab?q=${encodeURIComponent(questionId)}&from=${encodeURIComponent(from)}`}
        data-testid="open-in-lab"
      >
        Open this network in the lab
      </a>
    </p>
  );
}
