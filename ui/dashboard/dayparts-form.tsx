/** The menu's dayparts (breakfast 06:00–11:00): listed, added and removed; times are the store's own clock. */
import { type Daypart, type Menu, newId } from '@brigade/sync/model';
import { type FormEvent, useState } from 'react';
import { parseDaypart } from './menu-details';

export function DaypartsForm({ menu, onSave }: { menu: Menu; onSave: (dayparts: Daypart[]) => Promise<boolean> }) {
  const dayparts = menu.dayparts ?? [];
  const [name, setName] = useState('');
  const [start, setStart] = useState('06:00');
  const [end, setEnd] = useState('11:00');
  const [problem, setProblem] = useState<string | null>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseDaypart(newId(), name, start, end);
    if ('problem' in parsed) return setProblem(parsed.problem);
    setProblem(null);
    if (await onSave([...dayparts, parsed])) setName('');
  };
  const inUse = (d: Daypart) => menu.items.some((i) => i.daypartIds?.includes(d.id));
  return (
    <form className="card stack-form" onSubmit={(e) => void add(e)} aria-labelledby="dayparts-h">
      <h2 id="dayparts-h">Dayparts</h2>
      <ul className="table-codes">
        {dayparts.map((d) => (
          <li key={d.id}>
            <strong>{d.name}</strong> {d.start}–{d.end}
            <button type="button" className="btn" disabled={inUse(d)} title={inUse(d) ? 'Items are sold in it' : undefined}
              onClick={() => void onSave(dayparts.filter((x) => x.id !== d.id))}>Remove</button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <label>Name<input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder="Lunch" /></label>
        <label>From<input type="time" value={start} onChange={(e) => setStart(e.target.value)} /></label>
        <label>Until<input type="time" value={end} onChange={(e) => setEnd(e.target.value)} /></label>
      </div>
      {problem && <p role="alert" className="hint hint-error">{problem}</p>}
      <button type="submit" className="btn btn-primary">Add daypart</button>
    </form>
  );
}
