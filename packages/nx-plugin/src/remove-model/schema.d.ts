export interface RemoveModelGeneratorSchema {
  /** Id of the model to remove. */
  id: string;
}
